import Foundation
import Logging
import PromQL
import Prometheus
import Server
import ServiceLifecycle
import Testing
import TimeSeries
import Transport
import VigilCore

/// Runs the real HTTP server with the query API over `store`; "now" is 1000 s after the epoch.
private func withQueryServer(
    _ store: SeriesStore, options: QueryOptions = QueryOptions(),
    _ body: @Sendable (_ baseURL: String) async throws -> Void
) async throws {
    try await withServer(
        clock: ManualClock(start: Date(timeIntervalSince1970: 1_000)),
        query: QueryAPISettings(store: store, options: options), body)
}

/// Two `up` series sampled every 15 s from 0 to 900 s: job a is 1, job b is 0.
private func sampleStore() -> SeriesStore {
    let store = SeriesStore()
    for step in 0...60 {
        let time = Int64(step) * 15_000
        store.append(Labels(["__name__": "up", "job": "a"]), Sample(timestamp: time, value: 1))
        store.append(Labels(["__name__": "up", "job": "b"]), Sample(timestamp: time, value: 0))
    }
    return store
}

@Suite("Prometheus query API over HTTP")
struct QueryRoutesTests {
    @Test func instantQueryByGetAndFormPost() async throws {
        try await withQueryServer(sampleStore()) { base in
            let get = try await send("GET", base + "/api/v1/query?query=sum(up)&time=900")
            #expect(get.status == 200)
            #expect(
                get.bodyText
                    == #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[900,"1"]}]}}"#
            )
            let post = try await send(
                "POST", base + "/api/v1/query",
                headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded")],
                body: Array("query=up%7Bjob%3D%22b%22%7D&time=2015-07-01T20:10:51Z".utf8))
            // 2015 is long after the last sample: beyond the 5m lookback, nothing.
            #expect(post.bodyText == #"{"status":"success","data":{"resultType":"vector","result":[]}}"#)
            let now = try await send("GET", base + "/api/v1/query?query=up%7Bjob%3D%22b%22%7D")
            #expect(now.bodyText.contains(#""value":[1000,"0"]"#))
        }
    }

    @Test func rangeQueryReturnsAMatrixPerSeries() async throws {
        try await withQueryServer(sampleStore()) { base in
            let answer = try await send("GET", base + "/api/v1/query_range?query=up&start=0&end=60&step=30s")
            #expect(answer.status == 200)
            #expect(
                answer.bodyText
                    == #"{"status":"success","data":{"resultType":"matrix","result":["#
                    + #"{"metric":{"__name__":"up","job":"a"},"values":[[0,"1"],[30,"1"],[60,"1"]]},"#
                    + #"{"metric":{"__name__":"up","job":"b"},"values":[[0,"0"],[30,"0"],[60,"0"]]}]}}"#)
        }
    }

    @Test func metadataEndpoints() async throws {
        try await withQueryServer(sampleStore()) { base in
            let series = try await send("GET", base + "/api/v1/series?match[]=up%7Bjob%3D%22a%22%7D")
            #expect(series.bodyText == #"{"status":"success","data":[{"__name__":"up","job":"a"}]}"#)
            let labels = try await send("GET", base + "/api/v1/labels")
            #expect(labels.bodyText == #"{"status":"success","data":["__name__","job"]}"#)
            let values = try await send("GET", base + "/api/v1/label/job/values")
            #expect(values.bodyText == #"{"status":"success","data":["a","b"]}"#)
            let noMatch = try await send("GET", base + "/api/v1/series")
            #expect(noMatch.status == 400)
            #expect(noMatch.bodyText.contains("no match[] parameter provided"))
        }
    }

    @Test func errorsCarryPrometheusTypesAndStatuses() async throws {
        try await withQueryServer(sampleStore()) { base in
            let parse = try await send("GET", base + "/api/v1/query?query=sum(up&time=900")
            #expect(parse.status == 400)
            let envelope = try JSONDecoder().decode(ErrorEnvelope.self, from: Data(parse.body))
            #expect(envelope.errorType == "bad_data")
            #expect(envelope.error.hasPrefix(#"invalid parameter "query": 1:"#))
            let time = try await send("GET", base + "/api/v1/query?query=up&time=yesterday")
            #expect(
                time.bodyText.contains(#"invalid parameter \"time\": cannot parse \"yesterday\" to a valid timestamp"#))
            let step = try await send("GET", base + "/api/v1/query_range?query=up&start=0&end=60&step=0")
            #expect(step.status == 400)
            // Both series lose their name and become {} twice: Prometheus' execution error.
            let duplicate = try await send(
                "GET", base + "/api/v1/query?query=abs(up)%20%2B%20on()%20group_left%20up&time=900")
            #expect(duplicate.status == 422)
            #expect(duplicate.bodyText.contains(#""errorType":"execution""#))
        }
    }

    @Test func sampleLimitIsAnExecutionError() async throws {
        try await withQueryServer(sampleStore(), options: QueryOptions(maxSamples: 10)) { base in
            let answer = try await send("GET", base + "/api/v1/query?query=count_over_time(up%5B10m%5D)&time=900")
            #expect(answer.status == 422)
            #expect(answer.bodyText.contains("too many samples"))
        }
    }
}
