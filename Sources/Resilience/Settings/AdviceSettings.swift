/// How much cross-training advice the engine works out: the greedy search stops after `trainings`
/// steps (or earlier, when no single training lowers the risk any more).
public struct AdviceSettings: Sendable, Hashable {
    /// K, at least 0; 0 turns the advice off.
    public var trainings: Int

    public static let standard = AdviceSettings(trainings: 5)

    public init(trainings: Int) {
        self.trainings = trainings
    }
}
