import Foundation
import Resilience
import Storage

extension EngineState {
    /// The state a stored record names; nil when it names a level or fallback this Vigil does not
    /// know (a record from a newer version), which the caller reports rather than guesses at.
    init?(stored: StoredResilienceState) {
        guard let level = LoadSheddingLevel(rawValue: stored.loadSheddingLevel) else { return nil }
        var fallback: FallbackScenario?
        if let name = stored.activeFallback {
            guard let known = FallbackScenario(rawValue: name) else { return nil }
            fallback = known
        }
        self.init(sheddingLevel: level, activeFallback: fallback)
    }
}

extension StoredResilienceState {
    init(_ state: EngineState, actor: String, at time: Date) {
        self.init(
            loadSheddingLevel: state.sheddingLevel.rawValue, activeFallback: state.activeFallback?.rawValue,
            updatedAt: time, actor: actor)
    }
}
