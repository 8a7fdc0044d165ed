/// How far the forecast looks ahead.
public struct ForecastSettings: Sendable, Hashable {
    /// Days from the window's first day, at least 1. The default 90 is the seed's.
    public var horizonDays: Int

    public static let standard = ForecastSettings(horizonDays: 90)

    public init(horizonDays: Int) {
        self.horizonDays = max(1, horizonDays)
    }
}
