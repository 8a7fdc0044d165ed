/// Where one alert instance stands: the three states of Prometheus' alerting rules.
///
/// Ordered so that a rule's overall state is the maximum of its alerts' (firing > pending > inactive).
public enum AlertState: Int, Sendable, Comparable, CustomStringConvertible {
    /// Resolved: kept for 15 minutes so receivers hear that it ended.
    case inactive
    /// The expression returns it, but not yet for the rule's `for` duration.
    case pending
    /// Returned for at least `for` (or held by `keep_firing_for`).
    case firing

    public static func < (lhs: AlertState, rhs: AlertState) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The lower-case word Prometheus uses in `ALERTS{alertstate}` and its API.
    public var description: String {
        switch self {
        case .inactive: return "inactive"
        case .pending: return "pending"
        case .firing: return "firing"
        }
    }
}
