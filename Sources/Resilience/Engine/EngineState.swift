/// What operators (or incidents) have decided, as opposed to what the schedule says: the load
/// shedding level in force and the static-stability fallback activated, if any. The engine reads it;
/// the daemon owns and persists it.
public struct EngineState: Sendable, Hashable {
    public var sheddingLevel: LoadSheddingLevel
    public var activeFallback: FallbackScenario?

    public init(sheddingLevel: LoadSheddingLevel = .normal, activeFallback: FallbackScenario? = nil) {
        self.sheddingLevel = sheddingLevel
        self.activeFallback = activeFallback
    }
}
