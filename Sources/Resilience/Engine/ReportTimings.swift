/// How long each part of an evaluation took, in seconds: reported so a coordinator can see the
/// engine is fast, and exported as the contingency and health-check duration histograms.
public struct ReportTimings: Sendable, Hashable {
    public var index: Double = 0
    public var contingency: Double = 0
    public var hubs: Double = 0
    public var forecast: Double = 0
    public var advice: Double = 0
    public var cascade: Double = 0
    public var acgme: Double = 0
    public var shedding: Double = 0
    public var fallbacks: Double = 0
    public var total: Double = 0

    public init() {}
}

/// Measures elapsed time of engine phases with the monotonic clock (never "now": results do not
/// depend on it).
struct PhaseTimer {
    private let clock = ContinuousClock()

    /// Runs `body`, storing (or with `accumulate`, adding) its duration in `seconds`.
    func measure<T>(_ seconds: inout Double, accumulate: Bool = false, _ body: () throws -> T) rethrows -> T {
        let start = clock.now
        let result = try body()
        let elapsed = Self.seconds(clock.now - start)
        seconds = accumulate ? seconds + elapsed : elapsed
        return result
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
