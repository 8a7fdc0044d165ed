import Schedule

/// Checks a program's schedule against the ACGME common program requirements over a window, so the
/// program learns of a duty-hour or supervision breach before a resident works it.
///
/// Pure and linear in the assignments: one pass builds per-resident arrays of half-day sessions; each
/// resident's duty then becomes integer intervals in minutes since midnight of the window's first day.
///
/// Time model (what a coordinator can check by hand):
/// - An AM session starts at 07:00 and lasts its rotation's `hoursPerSession` (default 6; at most 24). A PM
///   session starts at 13:00, or when that day's AM session ends if later, and lasts its rotation's hours.
/// - `call: true` on an assignment is in-house overnight call from the end of that session until 07:00
///   the next morning. Call hours are duty hours: they count toward the 80 hours and continuous duty.
/// - A duty period is a chain of duty whose breaks are all shorter than 8 hours (the minimum rest
///   between periods); its length, breaks included, is the continuous duty.
/// - A day off is a calendar day no duty touches (a post-call morning is not a day off); a duty day is
///   any other. Hours count on the calendar day they fall on.
/// - Only residents are checked. Resident absences are not consulted: an assignment is duty.
/// - History: assignments dated from 27 days before the window's first day are read, so that the
///   28-day windows ending early in the window are judged on the real schedule; earlier assignments
///   (and assignments after the window) are not read, so a run or period reaching back to the first
///   history day is measured from there.
///
/// Rules: duty_hours_80 and one_day_in_seven over every 28-day window ending on a day of the window
/// (one finding per resident, for the worst window, ties to the earliest); consecutive_duty_days per run
/// of duty days overlapping the window; continuous_duty_28 per duty period overlapping the window;
/// rest_after_call_14 per short rest overlapping the window; supervision_ratio per supervised slot of the
/// window (person: the rotation id, residents named in the message and in `residents`).
public struct ACGMEChecker: Sendable {
    public var limits: ACGMELimits

    public init(limits: ACGMELimits = ACGMELimits()) { self.limits = limits }

    public func check(program: Program, window: ScheduleWindow) -> ACGMEReport {
        let input = DutyInput(program: program, window: window, limits: limits)
        let minRest = DutyClock.minutes(ofHours: limits.minRestBetweenPeriodsHours, limit: 7 * DutyClock.minutesPerDay)
        // Residents come in id order and each rule's findings in date order, so filling one list per rule
        // gives the report's order (rule, person, date) without sorting.
        var byRule = [[ACGMEViolation]](repeating: [], count: ACGMERule.allCases.count)
        var figures: [ResidentDutyFigures] = []
        figures.reserveCapacity(input.residentPeople.count)
        for (row, person) in input.residentPeople.enumerated() {
            let timeline = ResidentTimeline(input: input, row: row, windowDays: window.days, minRestMinutes: minRest)
            let evaluation = ResidentDutyEvaluation(
                resident: program.people[person].id, timeline: timeline, window: window, limits: limits)
            let result = evaluation.evaluate()
            figures.append(result.figures)
            for violation in result.violations { byRule[violation.rule.order].append(violation) }
        }
        let supervision = input.supervision.findings(program: program, window: window)
        byRule[ACGMERule.supervisionRatio.order] = supervision.violations
        let violations = Array(byRule.joined())

        var breached: Set<String> = []
        for violation in violations where violation.severity.isBreach { breached.formUnion(violation.residents) }
        let residentCount = figures.count
        let compliant = figures.count { !breached.contains($0.resident) }
        let score = residentCount == 0 ? 100 : Double(compliant) * 100 / Double(residentCount)
        return ACGMEReport(
            window: window, violations: violations, residents: figures,
            scheduledBlocksWithoutFaculty: supervision.withoutFaculty, complianceScore: score)
    }
}
