import Testing
import TimeSeries

@testable import PromQL

private func element(_ labels: [String: String], _ value: Double) -> VectorSample {
    VectorSample(labels: Labels(labels), timestamp: 1, value: value)
}

private func aggregate(
    _ op: AggregateOperator, _ parameter: AggregationParameter, by grouping: [String] = [],
    without: Bool = false, _ vector: [VectorSample]
) throws -> [VectorSample] {
    try Aggregator.evaluate(op, parameter: parameter, grouping: grouping, without: without, vector: vector, at: 7)
}

private func aggregate(
    _ op: AggregateOperator, by grouping: [String] = [], without: Bool = false, _ vector: [VectorSample]
) throws -> [VectorSample] {
    try aggregate(op, .none, by: grouping, without: without, vector)
}

/// (labels, value) pairs of a result, for comparison.
private func pairs(_ result: [VectorSample]) -> [(Labels, Double)] { result.map { ($0.labels, $0.value) } }

private func values(_ op: AggregateOperator, _ numbers: [Double], _ parameter: AggregationParameter = .none) throws
    -> Double
{
    let vector = numbers.enumerated().map { element(["i": "\($0.offset)"], $0.element) }
    let result = try aggregate(op, parameter, by: [], vector)
    try #require(result.count == 1)
    return result[0].value
}

@Suite struct AggregatorGroupingTests {
    private let requests = [
        element(["__name__": "http", "job": "a", "instance": "1"], 1),
        element(["__name__": "http", "job": "b", "instance": "1"], 10),
        element(["__name__": "http", "job": "a", "instance": "2"], 2),
    ]

    @Test func byKeepsOnlyTheGroupingLabelsInFirstAppearanceOrder() throws {
        let result = try aggregate(.sum, by: ["job"], requests)
        #expect(result.map(\.labels) == [Labels(["job": "a"]), Labels(["job": "b"])])
        #expect(result.map(\.value) == [3, 10])
        #expect(result.allSatisfy { $0.timestamp == 7 })
    }

    @Test func withoutDropsTheListedLabelsAndTheMetricName() throws {
        let result = try aggregate(.sum, by: ["instance"], without: true, requests)
        #expect(result.map(\.labels) == [Labels(["job": "a"]), Labels(["job": "b"])])
        #expect(result.map(\.value) == [3, 10])
    }

    @Test func noGroupingAggregatesEverythingIntoOneEmptyLabelSet() throws {
        let result = try aggregate(.sum, requests)
        #expect(result.count == 1)
        #expect(result.first?.labels == Labels())
        #expect(result.first?.value == 13)
    }

    @Test func byTheMetricNameKeepsIt() throws {
        let result = try aggregate(.count, by: ["__name__", "missing"], requests)
        #expect(result.map(\.labels) == [Labels(["__name__": "http"])])
        #expect(result.first?.value == 3)
    }

    @Test func anEmptyVectorHasNoGroups() throws {
        #expect(try aggregate(.sum, []).isEmpty)
        #expect(try aggregate(.topk, .scalar(2), []).isEmpty)
    }
}

@Suite struct AggregatorValueTests {
    @Test func sumPropagatesNaNAndInfinities() throws {
        #expect(try values(.sum, [1, .nan, 2]).isNaN)
        #expect(try values(.sum, [.infinity, -.infinity]).isNaN)
        #expect(try values(.sum, [.infinity, 1]) == .infinity)
        #expect(try values(.sum, [1, 2, 4]) == 7)
    }

    @Test func averageIsIncrementalAndDoesNotOverflow() throws {
        #expect(try values(.avg, [1, 2, 3, 4]) == 2.5)
        // 1.7e308 + 1.7e308 overflows; the mean adds 1.7e308/2 - 1.7e308/2 = 0 instead.
        #expect(try values(.avg, [1.7e308, 1.7e308]) == 1.7e308)
        #expect(try values(.avg, [1, .infinity, 2]) == .infinity)
        #expect(try values(.avg, [.infinity, .infinity]) == .infinity)
        #expect(try values(.avg, [.infinity, -.infinity]).isNaN)
        #expect(try values(.avg, [.infinity, .nan]).isNaN)
    }

    @Test func minAndMaxIgnoreNaNUnlessItIsAllThereIs() throws {
        #expect(try values(.max, [.nan, 3, 1]) == 3)
        #expect(try values(.min, [.nan, 3, 1]) == 1)
        #expect(try values(.max, [3, .nan]) == 3)
        #expect(try values(.min, [.nan, .nan]).isNaN)
    }

    // Welford on 1, 3, 5, 7: means 1, 2, 3, 4; squares 0 + 2·1 + 3·2 + 4·3 = 20; 20/4 = 5.
    @Test func stdvarAndStddevArePopulationFigures() throws {
        #expect(try values(.stdvar, [1, 3, 5, 7]) == 5)
        #expect(try values(.stddev, [1, 3, 5, 7]) == (5.0).squareRoot())
        #expect(try values(.stddev, [.infinity]) == 0)
    }

    @Test func countAndGroup() throws {
        #expect(try values(.count, [.nan, 1, 1]) == 3)
        #expect(try values(.group, [5, 6]) == 1)
    }

    // Four values: rank q·3; 0.5 → 1.5, halfway between 2 and 3.
    @Test func quantileInterpolatesAndHandlesOutOfRangeQ() throws {
        #expect(try values(.quantile, [4, 1, 3, 2], .scalar(0.5)) == 2.5)
        #expect(try values(.quantile, [4, 1, 3, 2], .scalar(1.5)) == .infinity)
        #expect(try values(.quantile, [4, 1, 3, 2], .scalar(-0.5)) == -.infinity)
        #expect(try values(.quantile, [4, 1, 3, 2], .scalar(.nan)).isNaN)
    }
}

@Suite struct AggregatorCountValuesTests {
    // Go's FormatFloat(v, 'f', -1, 64): promtool shows 1e21 as 1000000000000000000000 and -0 as "-0".
    @Test func countsEachValueUnderGosShortestFixedSpelling() throws {
        let vector = [1, 1, 2.5, 1e21, -0.0, .nan, 1e-7, .infinity].enumerated().map {
            element(["i": "\($0.offset)"], $0.element)
        }
        let result = try aggregate(.countValues, .string("value"), vector)
        let expected: [(String, Double)] = [
            ("1", 2), ("2.5", 1), ("1000000000000000000000", 1), ("-0", 1), ("NaN", 1), ("0.0000001", 1), ("+Inf", 1),
        ]
        #expect(result.map(\.labels) == expected.map { Labels(["value": $0.0]) })
        #expect(result.map(\.value) == expected.map(\.1))
    }

    @Test func byKeepsTheGroupingLabelsBesideTheValueLabel() throws {
        let vector = [
            element(["__name__": "version", "job": "a", "i": "1"], 6),
            element(["__name__": "version", "job": "b", "i": "1"], 6),
            element(["__name__": "version", "job": "a", "i": "2"], 6),
        ]
        let result = try aggregate(.countValues, .string("version"), by: ["job"], vector)
        #expect(
            pairs(result).map(\.0) == [Labels(["job": "a", "version": "6"]), Labels(["job": "b", "version": "6"])])
        #expect(result.map(\.value) == [2, 1])
        let without = try aggregate(.countValues, .string("version"), by: ["i"], without: true, vector)
        #expect(
            without.map(\.labels) == [Labels(["job": "a", "version": "6"]), Labels(["job": "b", "version": "6"])])
    }

    // promtool: count_values("a-b", …) fails with `invalid label name "a-b"`.
    @Test func rejectsAnInvalidLabelNameEvenForAnEmptyVector() {
        #expect(throws: QueryError.execution("invalid label name \"a-b\"")) {
            try aggregate(.countValues, .string("a-b"), [])
        }
        #expect(throws: QueryError.execution("invalid label name \"\"")) {
            try aggregate(.countValues, .string(""), [element(["i": "1"], 1)])
        }
    }
}

@Suite struct AggregatorTopKTests {
    // aggregators.test: NaN sorts away from the top and from the bottom.
    private let production = [
        element(["__name__": "http", "instance": "0"], 100),
        element(["__name__": "http", "instance": "1"], 200),
        element(["__name__": "http", "instance": "2"], .nan),
    ]

    @Test func topkSortsDescendingWithNaNLast() throws {
        let result = try aggregate(.topk, .scalar(3), production)
        #expect(result.map(\.labels) == [production[1].labels, production[0].labels, production[2].labels])
        #expect(result.allSatisfy { $0.timestamp == 7 })
        let two = try aggregate(.topk, .scalar(2), production)
        #expect(two.map(\.value) == [200, 100])
    }

    @Test func bottomkSortsAscendingWithNaNLast() throws {
        let result = try aggregate(.bottomk, .scalar(3), production)
        #expect(result.map(\.labels) == [production[0].labels, production[1].labels, production[2].labels])
        let one = try aggregate(.bottomk, .scalar(1), production)
        #expect(one.map(\.value) == [100])
    }

    @Test func kIsTruncatedAndBelowOneGivesNothing() throws {
        #expect(try aggregate(.topk, .scalar(0), production).isEmpty)
        #expect(try aggregate(.topk, .scalar(0.9), production).isEmpty)
        #expect(try aggregate(.bottomk, .scalar(-3), production).isEmpty)
        #expect(try aggregate(.topk, .scalar(1.9), production).map(\.value) == [200])
        #expect(try aggregate(.topk, .scalar(9_999_999_999), production).count == 3)
    }

    // promtool: topk(1e19, …) fails with "Scalar value 1e+19 overflows int64".
    @Test func kOutsideInt64IsAnError() {
        #expect(throws: QueryError.execution("Scalar value 1e+19 overflows int64")) {
            try aggregate(.topk, .scalar(1e19), production)
        }
        #expect(throws: QueryError.execution("Scalar value NaN overflows int64")) {
            try aggregate(.bottomk, .scalar(.nan), [])
        }
    }

    // Heap trace for topk(2) over a=1, b=5, c=5, d=3, e=5: [a] → push b → [a b]; c beats the top a:
    // pop a, push c → [b c]; d and e do not beat the top b (5 < 5 is false): b and c stay, in that order.
    @Test func tiesKeepTheEarlierElements() throws {
        let vector = ["a": 1.0, "b": 5, "c": 5, "d": 3, "e": 5].sorted { $0.key < $1.key }.map {
            element(["s": $0.key], $0.value)
        }
        let result = try aggregate(.topk, .scalar(2), vector)
        #expect(result.map { $0.labels["s"] } == ["b", "c"])
        let single = try aggregate(.topk, .scalar(1), vector)
        #expect(single.map { $0.labels["s"] } == ["b"])
    }

    @Test func eachGroupIsSelectedAndSortedSeparately() throws {
        let vector = [
            element(["group": "canary", "i": "0"], 300), element(["group": "production", "i": "0"], 100),
            element(["group": "canary", "i": "1"], 400), element(["group": "production", "i": "1"], 200),
            element(["group": "canary", "i": "2"], 350),
        ]
        let result = try aggregate(.bottomk, .scalar(2), by: ["group"], vector)
        #expect(result.map(\.value) == [300, 350, 100, 200])
        #expect(result[0].labels == vector[0].labels)
    }
}
