/// Someone the schedule places: faculty (who cover and supervise) or a resident (who is supervised,
/// and whose duty hours ACGME limits).
public struct Person: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable, CaseIterable {
        case faculty
        case resident
    }

    public var id: String
    public var name: String
    public var role: Role
    /// Post-graduate year of a resident (1...). Missing counts as PGY-1: the supervision rule is
    /// then the strictest, which is the safe reading.
    public var pgy: Int?
    /// Rotations this faculty member may cover. `nil` means every rotation; an empty list none.
    public var capabilities: [String]?
    /// Weekly cap on half-day sessions (faculty); `nil` means no cap.
    public var maxSessionsPerWeek: Int?

    public init(
        id: String, name: String, role: Role, pgy: Int? = nil, capabilities: [String]? = nil,
        maxSessionsPerWeek: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.pgy = pgy
        self.capabilities = capabilities
        self.maxSessionsPerWeek = maxSessionsPerWeek
    }

    /// True when this person may cover `rotation`.
    public func isQualified(for rotation: String) -> Bool {
        guard let capabilities else { return true }
        return capabilities.contains(rotation)
    }
}
