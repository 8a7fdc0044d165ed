import Testing
import TimeSeries

@testable import PromQL

private func bucket(_ le: String?, _ count: Double, _ extra: [String: String] = [:]) -> VectorSample {
    var labels = extra
    labels["__name__"] = labels["__name__"] ?? "latency_bucket"
    if let le { labels["le"] = le }
    return VectorSample(labels: Labels(labels), timestamp: 1, value: count)
}

private func quantile(_ q: Double, _ buckets: [VectorSample]) throws -> Double {
    let result = VectorFunctions.histogramQuantile(q, buckets, at: 9)
    try #require(result.count == 1)
    return result[0].value
}

@Suite struct FunctionsHistogramQuantileTests {
    // Cumulative 2, 6, 10 below 1, 2, +Inf.
    private let simple = [bucket("+Inf", 10), bucket("1", 2), bucket("2", 6)]

    // q = 0.5: rank 5 falls in (1, 2] holding 4 observations, 3 of them needed: 1 + 1·3/4.
    @Test func interpolatesInsideTheBucketHoldingTheRank() throws {
        #expect(try quantile(0.5, simple) == 1.75)
        #expect(try quantile(0.1, simple) == 0.5)
    }

    @Test func labelsDropLeAndTheMetricNameAndTakeTheTimestamp() {
        let result = VectorFunctions.histogramQuantile(0.5, simple, at: 9)
        #expect(result.map(\.labels) == [Labels()])
        #expect(result.map(\.timestamp) == [9])
    }

    // Rank 9 lies past the last finite bucket (6): the highest finite bound, 2.
    @Test func aRankInTheInfBucketGivesTheHighestFiniteBound() throws {
        #expect(try quantile(0.9, simple) == 2)
        #expect(try quantile(1, simple) == 2)
    }

    @Test func outOfRangeQ() throws {
        #expect(try quantile(-0.1, simple) == -.infinity)
        #expect(try quantile(1.1, simple) == .infinity)
        #expect(try quantile(.nan, simple).isNaN)
    }

    // PROMQL-NOTES: q = 0 with an empty lowest bucket is 0·(0/0) = NaN; a first bucket bounded at
    // or below 0 returns its bound.
    @Test func lowCorners() throws {
        #expect(try quantile(0, [bucket("1", 0), bucket("2", 4), bucket("+Inf", 4)]).isNaN)
        #expect(try quantile(0.25, [bucket("-1", 2), bucket("1", 4), bucket("+Inf", 4)]) == -1)
    }

    @Test func degenerateHistogramsAreNaN() throws {
        #expect(try quantile(0.5, [bucket("1", 2), bucket("2", 6)]).isNaN)
        #expect(try quantile(0.5, [bucket("+Inf", 6)]).isNaN)
        #expect(try quantile(0.5, [bucket("1", 0), bucket("+Inf", 0)]).isNaN)
    }

    // 5, 3, 10: the 3 is raised to 5; rank 5 is reached in the first bucket: 0 + 1·5/5.
    @Test func fallingCountsAreMadeMonotonic() throws {
        #expect(try quantile(0.5, [bucket("1", 5), bucket("2", 3), bucket("+Inf", 10)]) == 1)
    }

    // le="1" and le="1.0" are one bucket of 4; rank 5 in (1, 2]: 1 + 1·1/2.
    @Test func equalBoundsAreAddedUp() throws {
        let buckets = [bucket("1", 2), bucket("1.0", 2), bucket("2", 6), bucket("+Inf", 10)]
        #expect(try quantile(0.5, buckets) == 1.5)
    }

    @Test func elementsWithoutAParsableLeAreIgnored() throws {
        let buckets = simple + [bucket(nil, 100), bucket("abc", 100), bucket("1e500", 100)]
        #expect(try quantile(0.5, buckets) == 1.75)
        #expect(VectorFunctions.histogramQuantile(0.5, [bucket(nil, 1)], at: 0).isEmpty)
    }

    @Test func groupsByEveryOtherLabelIncludingTheName() {
        let vector =
            simple.map { bucket($0.labels["le"], $0.value, ["job": "a"]) }
            + simple.map { bucket($0.labels["le"], $0.value * 2, ["job": "b"]) }
            + simple.map { bucket($0.labels["le"], $0.value, ["job": "a", "__name__": "other_bucket"]) }
        let result = VectorFunctions.histogramQuantile(0.5, vector, at: 0)
        #expect(result.map(\.labels) == [Labels(["job": "a"]), Labels(["job": "b"]), Labels(["job": "a"])])
        #expect(result.map(\.value) == [1.75, 1.75, 1.75])
    }

    // promtool 2.42 reads le="1_0" as 10 and le="0x1p-2" as 0.25, and ignores le="0x10".
    @Test func goParseFloatSpellings() {
        #expect(GoParseFloat.parse("+Inf") == .infinity)
        #expect(GoParseFloat.parse("-infinity") == -.infinity)
        #expect(GoParseFloat.parse("NaN")?.isNaN == true)
        #expect(GoParseFloat.parse("+NaN") == nil)
        #expect(GoParseFloat.parse("0.25") == 0.25)
        #expect(GoParseFloat.parse(".5") == 0.5)
        #expect(GoParseFloat.parse("1e3") == 1000)
        #expect(GoParseFloat.parse("1_000") == 1000)
        #expect(GoParseFloat.parse("1__0") == nil)
        #expect(GoParseFloat.parse("0x1p-2") == 0.25)
        #expect(GoParseFloat.parse("0x10") == nil)
        #expect(GoParseFloat.parse("") == nil)
        #expect(GoParseFloat.parse(" 1") == nil)
        #expect(GoParseFloat.parse("1e") == nil)
        #expect(GoParseFloat.parse("1e400") == nil)
    }
}

@Suite struct FunctionsLabelReplaceTests {
    private let up = VectorSample(
        labels: Labels(["__name__": "up", "src": "a-b", "dst": "old"]), timestamp: 3, value: 1)

    private func replaced(_ replacement: String, _ regex: String, source: String = "src") throws -> Labels {
        let result = try VectorFunctions.labelReplace(
            [up], destination: "dst", replacement: replacement, source: source, regex: regex)
        try #require(result.count == 1)
        #expect(result[0].value == 1 && result[0].timestamp == 3)
        return result[0].labels
    }

    @Test func expandsNumberedAndNamedGroupsAndKeepsTheName() throws {
        #expect(try replaced("$1", "(.*)-.*")["dst"] == "a")
        #expect(try replaced("${2}${1}", "(.*)-(.*)")["dst"] == "ba")
        #expect(try replaced("$second+$first", "(?P<first>\\w+)-(?P<second>\\w+)")["dst"] == "b+a")
        #expect(try replaced("x", ".*")["__name__"] == "up")
    }

    // PROMQL-NOTES: "$1x" names a group "1x", which does not exist: empty, so dst is removed.
    @Test func dollarOneXIsAGroupNamed1x() throws {
        #expect(try replaced("$1x", "(.*)-.*")["dst"] == nil)
        #expect(try replaced("${1}x", "(.*)-.*")["dst"] == "ax")
    }

    @Test func literalDollars() throws {
        #expect(try replaced("$$1", "(.*)-.*")["dst"] == "$1")
        #expect(try replaced("cost$", "(.*)-.*")["dst"] == "cost$")
        #expect(try replaced("${1", "(.*)-.*")["dst"] == "${1")
        #expect(try replaced("$-", "(.*)-.*")["dst"] == "$-")
        #expect(try replaced("$01", "(.*)-.*")["dst"] == nil)
    }

    @Test func theRegexIsAnchoredAndANonMatchChangesNothing() throws {
        #expect(try replaced("x", "b") == up.labels)
        #expect(try replaced("x", "a-b")["dst"] == "x")
    }

    @Test func anAbsentSourceIsTheEmptyString() throws {
        #expect(try replaced("new", "", source: "missing")["dst"] == "new")
        #expect(try replaced("new", ".+", source: "missing")["dst"] == "old")
    }

    @Test func anEmptyResultRemovesTheDestination() throws {
        #expect(try replaced("", ".*")["dst"] == nil)
    }

    @Test func invalidRegexOrDestinationIsAnError() {
        #expect(throws: QueryError.execution("invalid regular expression in label_replace(): (")) {
            try VectorFunctions.labelReplace([], destination: "dst", replacement: "", source: "src", regex: "(")
        }
        #expect(throws: QueryError.execution("invalid destination label name in label_replace(): 0dst")) {
            try VectorFunctions.labelReplace([], destination: "0dst", replacement: "", source: "src", regex: ".*")
        }
        #expect(throws: QueryError.execution("invalid destination label name in label_replace(): ")) {
            try VectorFunctions.labelReplace([up], destination: "", replacement: "", source: "src", regex: ".*")
        }
    }
}

@Suite struct FunctionsLabelJoinTests {
    private let series = VectorSample(
        labels: Labels(["__name__": "x", "env": "dev", "app": "api", "dst": "old"]), timestamp: 3, value: 2)

    private func joined(_ sources: [String], separator: String = "-") throws -> Labels {
        let result = try VectorFunctions.labelJoin([series], destination: "dst", separator: separator, sources: sources)
        try #require(result.count == 1)
        return result[0].labels
    }

    // PROMQL-NOTES: empty sources still join separators (dev--app); all empty removes the label.
    @Test func emptySourcesStillJoinSeparators() throws {
        #expect(try joined(["env", "missing", "app"])["dst"] == "dev--api")
        #expect(try joined(["env", "app"], separator: "")["dst"] == "devapi")
        #expect(try joined(["missing", "other"], separator: "")["dst"] == nil)
        #expect(try joined([])["dst"] == nil)
        #expect(try joined(["env"])["__name__"] == "x")
    }

    @Test func invalidNamesAreErrorsSourcesFirst() {
        #expect(throws: QueryError.execution("invalid source label name in label_join(): a-b")) {
            try VectorFunctions.labelJoin([], destination: "0", separator: "", sources: ["ok", "a-b"])
        }
        #expect(throws: QueryError.execution("invalid destination label name in label_join(): 0")) {
            try VectorFunctions.labelJoin([], destination: "0", separator: "", sources: ["ok"])
        }
    }
}
