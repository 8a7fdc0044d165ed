import Schedule

/// The coming days, one by one, from the schedule and its known absences: no demand is assumed.
///
/// Days of the horizon outside the dates the schedule has assignments for are not forecast (the
/// data does not reach them); ``dataThrough`` says how far it reaches and the level counts cover
/// only the days that are.
public struct Forecast: Sendable, Hashable {
    /// The horizon's first day and its length in days.
    public var horizon: ScheduleWindow
    /// The first and last dates with any assignment in the schedule; nil when it has none.
    public var dataFrom: Day?
    public var dataThrough: Day?
    /// Every day of the horizon the schedule's data reaches, in order.
    public var days: [ForecastDay]

    /// Indexes `program` over the horizon once and measures each day with the engine's own
    /// utilization and coverage, restricted to that day. `suspended` is the load shedding in force.
    public init(
        program: Program, horizon: ScheduleWindow, thresholds: UtilizationThresholds = .standard,
        suspended: Set<ActivityCategory> = []
    ) {
        self.horizon = horizon
        var first: Day?
        var last: Day?
        for assignment in program.assignments {
            if first.map({ assignment.date < $0 }) ?? true { first = assignment.date }
            if last.map({ assignment.date > $0 }) ?? true { last = assignment.date }
        }
        dataFrom = first
        dataThrough = last
        guard let first, let last else {
            days = []
            return
        }
        let index = WindowIndex(program: program, window: horizon, suspended: suspended)
        let lower = max(0, horizon.from.distance(to: first))
        let upper = min(horizon.days, horizon.from.distance(to: last) + 1)
        var days: [ForecastDay] = []
        if lower < upper {
            days.reserveCapacity(upper - lower)
            for offset in lower..<upper {
                let utilization = Utilization(index: index, days: offset..<offset + 1, thresholds: thresholds)
                let gaps = Coverage(index: index, days: offset..<offset + 1).gapSlots
                var sessions = Session.allCases.map {
                    ForecastDay.SessionCoverage(session: $0, need: 0, covered: 0, gapSlots: 0)
                }
                for position in index.slotRange(days: offset..<offset + 1) where index.slots[position].need > 0 {
                    let slot = index.slots[position]
                    let half = slot.session.index
                    sessions[half].need += slot.need
                    sessions[half].covered += min(slot.coverage, slot.need)
                    if slot.coverage < slot.need { sessions[half].gapSlots += 1 }
                }
                days.append(
                    ForecastDay(
                        day: horizon.from.advanced(by: offset), utilization: utilization, gapSlots: gaps,
                        onLeave: FacultyAvailability.absent(index: index, dayOffset: offset), sessions: sessions))
            }
        }
        self.days = days
    }

    /// How many forecast days fall in each band, every band present (0 when none).
    public var daysPerLevel: [UtilizationLevel: Int] {
        var counts: [UtilizationLevel: Int] = [:]
        for level in UtilizationLevel.allCases { counts[level] = 0 }
        for day in days { counts[day.level, default: 0] += 1 }
        return counts
    }

    /// Days at RED or BLACK.
    public var redOrWorseDays: Int { days.filter { $0.level >= .red }.count }

    /// The first day at RED or BLACK; nil when none.
    public var firstRedDay: ForecastDay? { days.first { $0.level >= .red } }

    /// Unix time of 00:00 UTC on ``firstRedDay``'s date; nil when there is none.
    public var firstRedDaySeconds: Double? { firstRedDay.map { Double($0.day.ordinal) * 86_400 } }

    /// The horizon's days the schedule's data reaches.
    public var knownDays: Int { days.count }

    /// A sentence a coordinator can act on.
    public var summary: String {
        guard !days.isEmpty else {
            if let dataThrough, dataThrough < horizon.from {
                return "The schedule's data ends on \(dataThrough), before \(horizon.from): nothing to forecast."
            }
            return "The schedule has no assignment in the next \(horizon.days) days: nothing to forecast."
        }
        let reach =
            knownDays < horizon.days
            ? " The schedule's data reaches \(days[days.count - 1].day): \(knownDays) of \(horizon.days) days forecast."
            : ""
        guard let first = firstRedDay else {
            let span = knownDays < horizon.days ? "the \(knownDays) days forecast" : "the next \(horizon.days) days"
            return "No day at RED or worse in \(span).\(reach)"
        }
        let count = redOrWorseDays
        let leave = first.onLeave.isEmpty ? "" : ", \(first.onLeave.count) faculty on leave"
        return "\(count) day\(count == 1 ? "" : "s") at RED or worse; the first is \(first.day) "
            + "(\(first.level), utilization \(Int((first.utilization.rate * 100).rounded()))%\(leave)).\(reach)"
    }
}
