import Testing
import TimeSeries

@testable import PromQL

/// Where Prometheus 2.42 answers differently from run to run (map iteration), Vigil answers the
/// same every time, by one rule: series are evaluated in label order, so among equal values topk
/// and bottomk keep the series first in label order, and a many-to-many error names the later
/// duplicate first, then the earlier one. (promtool tends to follow the order series were created
/// in instead; the differential test pins that difference.)
@Suite struct DeterministicTiesTests {
    static func store() -> SeriesStore {
        let store = SeriesStore()
        var samples: [IngestedSample] = []
        // Ingested out of order on purpose: the answer must not depend on arrival.
        for a in ["3", "1", "2"] {
            samples.append(IngestedSample(labels: Labels(["__name__": "x", "a": a]), value: 1))
        }
        for b in ["y", "x"] {
            samples.append(IngestedSample(labels: Labels(["__name__": "y", "a": "1", "b": b]), value: 1))
        }
        samples.append(IngestedSample(labels: Labels(["__name__": "z", "a": "1"]), value: 1))
        _ = store.ingest(source: "test", samples: samples, at: 0)
        return store
    }

    static func labels(_ expression: String) throws -> [[String]] {
        let value = try QueryEngine().instant(try PromQLParser.parse(expression), at: 0, on: store())
        guard case .vector(let samples) = value else { return [] }
        return samples.map { $0.labels.pairs.map { "\($0.name)=\($0.value)" } }
    }

    @Test(arguments: 1...5)
    func tiesKeepTheSeriesFirstInLabelOrder(run: Int) throws {
        #expect(try Self.labels("topk(1, x)") == [["__name__=x", "a=1"]])
        #expect(try Self.labels("bottomk(1, x)") == [["__name__=x", "a=1"]])
        #expect(try Self.labels("topk(2, x)") == [["__name__=x", "a=1"], ["__name__=x", "a=2"]])
    }

    @Test(arguments: 1...5)
    func aManyToManyErrorNamesTheSameTwoSeriesEveryTime(run: Int) throws {
        #expect {
            _ = try Self.labels("z + on(a) y")
        } throws: { error in
            "\(error)".contains(
                #"found duplicate series for the match group {a="1"} on the right hand-side of the operation: [{__name__="y", a="1", b="y"}, {__name__="y", a="1", b="x"}]"#
            )
        }
    }
}
