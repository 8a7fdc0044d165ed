/// How much of the faculty's available time the schedule asks for.
///
/// required = Σ need over the window's slots; capacity = Σ over faculty of the half-day sessions in
/// the window on which they are not absent, capped per ISO week by `max_sessions_per_week`.
public struct Utilization: Sendable, Hashable {
    public var required: Int
    public var capacity: Int
    /// required / capacity; 1 when capacity is 0 and something is required, 0 when nothing is.
    public var rate: Double
    public var level: UtilizationLevel
    /// max(0, target·capacity − required) / capacity: the share of capacity still free before the
    /// target utilization is reached.
    public var bufferRemaining: Double

    public init(index: WindowIndex, thresholds: UtilizationThresholds = .standard) {
        self.init(index: index, days: 0..<index.window.days, thresholds: thresholds)
    }

    /// Utilization of the window's days `days` (offsets) alone: the same figures as for a window of
    /// just those days, from an index built once (the forecast asks this for every day).
    public init(index: WindowIndex, days: Range<Int>, thresholds: UtilizationThresholds = .standard) {
        let days = days.clamped(to: 0..<index.window.days)
        var required = 0
        for position in index.slotRange(days: days) { required += index.slots[position].need }
        var capacity = 0
        let weeks = index.weeks.count
        var sessions = [Int](repeating: 0, count: weeks)
        for member in index.faculty.indices {
            for week in 0..<weeks { sessions[week] = 0 }
            for offset in days where !index.isAbsent(member, dayOffset: offset) {
                sessions[index.weekOfDay[offset]] += 2
            }
            for week in 0..<weeks {
                capacity += index.cap[member].map { min($0, sessions[week]) } ?? sessions[week]
            }
        }
        self.required = required
        self.capacity = capacity
        if capacity > 0 {
            rate = Double(required) / Double(capacity)
            bufferRemaining = max(0, thresholds.target * Double(capacity) - Double(required)) / Double(capacity)
        } else {
            rate = required > 0 ? 1 : 0
            bufferRemaining = 0
        }
        level = thresholds.level(of: rate)
    }
}
