import Foundation
import Resilience

/// Where the resilience engine's samples go on every evaluation tick.
///
/// The daemon's `/metrics` is one destination (``ResilienceMetricsExporter``); the in-memory
/// series store that rules evaluate against is the next: it conforms to this protocol and is added
/// to the runner's sinks, with no change to how the engine is run.
protocol ResilienceSampleSink: Sendable {
    /// Takes the complete set of samples of one evaluation at `time`: a series absent from
    /// `samples` no longer exists (a resident left, a pair stopped being fatal).
    func ingest(_ samples: [ResilienceSample], at time: Date) async

    /// See the default in the extension below.
    var wantsViolationCounters: Bool { get }
}

extension ResilienceSampleSink {
    /// Whether the sink also takes `schedule_violations_total` (the daemon's running count of new
    /// violations). `/metrics` counts them itself; the series store needs them as samples.
    var wantsViolationCounters: Bool { false }
}
