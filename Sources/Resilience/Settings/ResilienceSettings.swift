/// Everything about the engine a program may tune, in one value the daemon reads from its config.
public struct ResilienceSettings: Sendable, Hashable {
    public var utilization: UtilizationThresholds
    public var defense: DefenseSettings
    public var acgme: ACGMELimits
    /// N-2 costs a flow per pair of faculty; a very large program may turn it off.
    public var computeN2: Bool
    /// When a hub counts as critical.
    public var hubs: HubSettings
    /// How far the forecast looks ahead.
    public var forecast: ForecastSettings
    /// How many cross-trainings the advice works out.
    public var advice: AdviceSettings
    /// When a colleague overloaded by a loss drops out in the cascade simulation.
    public var cascade: CascadeSettings

    public static let standard = ResilienceSettings(
        utilization: .standard, defense: .standard, acgme: ACGMELimits(), computeN2: true, hubs: .standard,
        forecast: .standard, advice: .standard, cascade: .standard)

    public init(
        utilization: UtilizationThresholds, defense: DefenseSettings, acgme: ACGMELimits = ACGMELimits(),
        computeN2: Bool = true, hubs: HubSettings = .standard, forecast: ForecastSettings = .standard,
        advice: AdviceSettings = .standard, cascade: CascadeSettings = .standard
    ) {
        self.utilization = utilization
        self.defense = defense
        self.acgme = acgme
        self.computeN2 = computeN2
        self.hubs = hubs
        self.forecast = forecast
        self.advice = advice
        self.cascade = cascade
    }
}
