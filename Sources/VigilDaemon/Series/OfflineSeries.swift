import Foundation
import Resilience
import Schedule
import TimeSeries

/// The resilience engine's metrics of one schedule as a series store, for `vigil query` without a
/// daemon: one evaluation over the window, every sample stamped at `time`.
public enum OfflineSeries {
    public static func store(program: Program, window: ScheduleWindow, at time: Int64) -> SeriesStore {
        let report = ResilienceEngine(settings: .standard).evaluate(
            program: program, window: window, state: EngineState())
        let store = SeriesStore()
        let samples = (report.samples() + report.violationCounts()).map(\.ingested)
        store.ingest(source: SeriesStoreSink.source, samples: samples, at: time)
        return store
    }
}
