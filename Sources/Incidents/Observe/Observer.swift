import Resilience
import Schedule

/// The method's "observe" step, done by the machine: from the engine's report (and its window
/// index, for where the gaps are) and what the daemon knows of alerts, schedule pushes,
/// deliveries and scrapes, the ``Observation`` stored with an incident. Pure.
public enum Observer {
    /// Lists (gaps, violations, losses) keep their first entries only: enough to orient by.
    public static let listLimit = 50

    /// What the daemon gathers at the moment an incident opens.
    public struct Input: Sendable {
        public var report: ResilienceReport?
        /// The report's window indexed (for the gap slots' dates, rotations and absent faculty).
        public var index: WindowIndex?
        public var firingAlerts: [String]
        public var slotsChangedLastDay: Int?
        public var lastChange: ScheduleDiff?
        public var failedDeliveries: [Observation.FailedDelivery]
        public var scrapeFailures: [String]

        public init(
            report: ResilienceReport?, index: WindowIndex?, firingAlerts: [String], slotsChangedLastDay: Int?,
            failedDeliveries: [Observation.FailedDelivery], scrapeFailures: [String], lastChange: ScheduleDiff? = nil
        ) {
            self.lastChange = lastChange
            self.report = report
            self.index = index
            self.firingAlerts = firingAlerts
            self.slotsChangedLastDay = slotsChangedLastDay
            self.failedDeliveries = failedDeliveries
            self.scrapeFailures = scrapeFailures
        }
    }

    public static func observe(_ input: Input, now: Int64) -> Observation {
        Observation(
            at: now, schedule: input.report.map { schedule($0, index: input.index) },
            firingAlerts: input.firingAlerts.sorted(), slotsChangedLastDay: input.slotsChangedLastDay,
            lastChange: input.lastChange,
            failedDeliveries: Array(input.failedDeliveries.sorted { $0.at < $1.at }.prefix(listLimit)),
            scrapeFailures: input.scrapeFailures.sorted())
    }

    static func schedule(_ report: ResilienceReport, index: WindowIndex?) -> Observation.Schedule {
        var gaps: [Observation.Schedule.Gap] = []
        if let index {
            for slotIndex in report.coverage.gaps.prefix(listLimit) where index.slots.indices.contains(slotIndex) {
                let slot = index.slots[slotIndex]
                let absent = Set(slot.assigned).subtracting(slot.coverers).sorted().map { index.faculty[$0] }
                gaps.append(
                    Observation.Schedule.Gap(
                        date: slot.day.description, session: slot.session.rawValue,
                        rotation: index.rotations[slot.rotation].id, need: slot.need, coverage: slot.coverage,
                        absent: absent))
            }
        }
        let n2 = report.contingency.n2
        return Observation.Schedule(
            program: report.program, from: report.window.from.description, days: report.window.days,
            defenseLevel: report.defense.level.description,
            drivers: report.defense.drivers.map {
                Observation.Schedule.Driver(dimension: $0.dimension.rawValue, value: $0.value, score: $0.score)
            },
            utilization: report.utilization.rate, utilizationLevel: "\(report.utilization.level)",
            coverage: report.coverage.rate, gapSlots: report.coverage.gapSlots, gaps: gaps,
            facultyTotal: report.faculty.total, facultyOnLeave: report.faculty.onLeave,
            n1Compliant: report.contingency.n1.compliant,
            singlePointsOfFailure: report.contingency.n1.singlePointsOfFailure.prefix(listLimit).map {
                Observation.Schedule.Loss(people: [$0.person], unfillableSlots: $0.unfillableSlots)
            },
            n2Compliant: n2?.compliant,
            fatalPairs: (n2?.fatalPairs ?? []).prefix(listLimit).map {
                Observation.Schedule.Loss(people: $0.people, unfillableSlots: $0.unfillableSlots)
            },
            acgmeCritical: report.acgme.criticalCount,
            acgmeViolations: report.acgme.violations.prefix(listLimit).map {
                Observation.Schedule.Violation(
                    rule: $0.rule.rawValue, severity: $0.severity.rawValue, person: $0.person,
                    people: $0.residents.isEmpty ? [$0.person] : $0.residents, message: $0.message)
            },
            sheddingLevel: report.state.sheddingLevel.rawValue,
            recommendedSheddingLevel: report.shedding.recommendedLevel?.rawValue,
            activeFallback: report.state.activeFallback?.rawValue)
    }
}
