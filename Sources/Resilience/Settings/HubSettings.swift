/// How hubs are flagged: a faculty member whose hub score exceeds `criticalThreshold` counts in
/// `resilience_hubs_critical`.
public struct HubSettings: Sendable, Hashable {
    /// In (0, 1]. The default 0.5 is the score any single point of failure reaches on its N-1 part
    /// alone (see ``HubScore``), so every single point of failure is critical by default, and a
    /// person can also get there by a mix of fatal pairs, scarce rotations and few substitutes.
    public var criticalThreshold: Double

    public static let standard = HubSettings(criticalThreshold: 0.5)

    public init(criticalThreshold: Double) {
        self.criticalThreshold = criticalThreshold
    }
}
