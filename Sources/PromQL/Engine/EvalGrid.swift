import TimeSeries

/// The evaluation times of one node: `start`, `start + interval`, … up to `end` (ms), as
/// Prometheus' evaluator steps through a range query, a subquery or the single step of an
/// instant query.
struct EvalGrid: Sendable, Equatable {
    let start: Int64
    let end: Int64
    let interval: Int64

    init(start: Int64, end: Int64, interval: Int64) {
        self.start = start
        self.end = end
        self.interval = max(interval, 1)
    }

    /// The grid of one step at `time`.
    static func single(_ time: Int64) -> EvalGrid { EvalGrid(start: time, end: time, interval: 1) }

    /// Number of steps (at least one).
    var count: Int { end < start ? 0 : Int((end - start) / interval) + 1 }

    /// The time of step `index`.
    func time(_ index: Int) -> Int64 { start + Int64(index) * interval }

    /// The step index of a time that lies on the grid.
    func index(of time: Int64) -> Int { Int((time - start) / interval) }

    /// This grid's first step only: where a step-invariant node is computed once.
    var first: EvalGrid { EvalGrid(start: start, end: start, interval: interval) }
}

/// What a node evaluates to over a grid: the internal counterpart of ``QueryValue``.
enum StepValue {
    /// One value per step of the grid.
    case scalar([Double])
    /// An instant vector at every step: each series with its points at step times (a series is
    /// absent at steps without a point), no series without points.
    case vector([SeriesSamples])
    /// A range vector: raw samples of each series (top-level range selectors and subqueries).
    case matrix([SeriesSamples])
    case string(String)
}
