/// How to respond to an unplanned absence, chosen by how fragile the schedule is around it.
public enum EmergencyStrategy: String, Sendable, Hashable {
    /// Fill the gaps with free faculty; nothing else moves.
    case incremental
    /// Also free faculty by suspending lower categories of the sacrifice hierarchy, in order.
    case cascade
    /// Too much to patch: switch to a precomputed static-stability fallback.
    case fallback

    /// 0 / 0.15 (≤3 slots) / 0.35 (≤7) / 0.55 (≤14) / 0.75 (more), + 0.1 when 3 or more are calls.
    public static func fragility(affectedSlots: Int, affectedCalls: Int) -> Double {
        let base: Double
        switch affectedSlots {
        case 0: base = 0
        case 1...3: base = 0.15
        case 4...7: base = 0.35
        case 8...14: base = 0.55
        default: base = 0.75
        }
        return base + (affectedCalls >= 3 ? 0.1 : 0)
    }

    /// incremental below 0.3, cascade below 0.6, else fallback.
    public init(fragility: Double) {
        if fragility < 0.3 {
            self = .incremental
        } else if fragility < 0.6 {
            self = .cascade
        } else {
            self = .fallback
        }
    }
}
