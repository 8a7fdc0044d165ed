import Schedule

/// How much of the sacrifice hierarchy is in force. Each level suspends, on top of the previous
/// ones, the next least essential category; patient safety is never shed.
public enum LoadSheddingLevel: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case normal = 0
    case yellow, orange, red, black, critical

    /// Categories suspended at this level (cumulative).
    public var suspendedCategories: Set<ActivityCategory> { ActivityCategory.suspended(atLevel: rawValue) }

    public var description: String {
        switch self {
        case .normal: return "NORMAL"
        case .yellow: return "YELLOW"
        case .orange: return "ORANGE"
        case .red: return "RED"
        case .black: return "BLACK"
        case .critical: return "CRITICAL"
        }
    }

    /// Reads a level by number (0…5) or by name (case-insensitive).
    public init?(parsing text: String) {
        if let number = Int(text), let level = LoadSheddingLevel(rawValue: number) {
            self = level
            return
        }
        guard let level = Self.allCases.first(where: { $0.description == text.uppercased() }) else { return nil }
        self = level
    }

    public static func < (lhs: LoadSheddingLevel, rhs: LoadSheddingLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
