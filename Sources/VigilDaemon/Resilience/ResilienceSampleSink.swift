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
}
