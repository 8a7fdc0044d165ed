import PromQL
import Rules
import Testing
import TimeSeries
import VigilCore

/// A group tick: rules in order, output written between them, errors kept per rule.
@Suite struct RuleGroupEvaluationTests {
    let minute = RuleFixtures.minute

    func group(_ rules: [RuleDefinition], limit: Int = 0) -> RuleGroup {
        RuleGroup(
            RuleGroupDefinition(name: "g", limit: limit, rules: rules, location: .wholeFile("t.yml")), file: "t.yml",
            defaultInterval: minute)
    }

    @Test func recordingRuleFeedsLaterRulesInTheSameTick() throws {
        let store = try RuleFixtures.store(["x{job=\"a\"}": [3], "x{job=\"b\"}": [4]])
        var group = group([
            try RuleFixtures.record("job:x:sum", "sum(x)", labels: ["team": "ops"]),
            try RuleFixtures.alert("TooMuch", "job:x:sum > 5"),
        ])
        #expect(group.evaluate(at: 0, in: RuleEvaluationContext(store: store)) == 0)
        let recorded = try RuleFixtures.query("job:x:sum", at: 0, store)
        #expect(recorded.map(\.labels) == [Labels(["__name__": "job:x:sum", "team": "ops"])])
        #expect(recorded.map(\.value) == [7])
        #expect(group.alertingRules.first?.activeAlerts.map(\.value) == [7])
    }

    @Test func aFailingRuleDoesNotStopTheRulesAfterIt() throws {
        let store = try RuleFixtures.store(["x{a=\"1\"}": [1], "y{a=\"1\"}": [1]])
        var group = group([
            try RuleFixtures.record("dup", "{a=\"1\"}"),
            try RuleFixtures.record("ok", "x"),
        ])
        #expect(group.evaluate(at: 0, in: RuleEvaluationContext(store: store)) == 1)
        #expect(group.rules[0].status.health == .err)
        #expect(
            group.rules[0].status.lastError
                == "vector contains metrics with the same labelset after applying rule labels")
        #expect(group.rules[1].status.health == .ok)
        #expect(group.rules[1].status.lastError == nil)
        #expect(group.rules[1].status.lastEvaluation == 0)
        #expect(try RuleFixtures.query("ok", at: 0, store).count == 1)
    }

    @Test func recordedSeriesTheRuleStopsProducingGoStale() throws {
        let store = try RuleFixtures.store(["x{a=\"1\"}": [1, 1], "x{a=\"2\"}": [1]])
        var group = group([try RuleFixtures.record("copy", "x")])
        let context = RuleEvaluationContext(store: store)
        group.evaluate(at: 0, in: context)
        #expect(try RuleFixtures.query("copy", at: 0, store).count == 2)
        // x{a="2"} has no sample at minute 1 but is still within the lookback, so it is still returned;
        // at minute 6 it is beyond the lookback: its copy must disappear at once, not 5 minutes later.
        group.evaluate(at: 6 * minute, in: context)
        store.append(try RuleFixtures.labels("x{a=\"1\"}"), Sample(timestamp: 6 * minute, value: 1))
        group.evaluate(at: 7 * minute, in: context)
        #expect(try RuleFixtures.query("copy", at: 7 * minute + 1, store).map { $0.labels["a"] } == ["1"])
    }

    @Test func recordingLimitCountsSeries() throws {
        let store = try RuleFixtures.store(["x{a=\"1\"}": [1], "x{a=\"2\"}": [1]])
        var group = group([try RuleFixtures.record("copy", "x")], limit: 1)
        group.evaluate(at: 0, in: RuleEvaluationContext(store: store))
        #expect(group.rules[0].status.lastError == "exceeded limit of 1 with 2 series")
        #expect(try RuleFixtures.query("copy", at: 0, store).isEmpty)
    }

    @Test func queryErrorsAreRecordedWithTheEnginesMessage() throws {
        let store = try RuleFixtures.store(["x{a=\"1\", b=\"1\"}": [1], "x{a=\"1\", b=\"2\"}": [1], "y{a=\"1\"}": [1]])
        var group = group([try RuleFixtures.record("bad", "y * on(a) x")])
        group.evaluate(at: 0, in: RuleEvaluationContext(store: store))
        let error = try #require(group.rules[0].status.lastError)
        #expect(error.hasPrefix("found duplicate series for the match group {a=\"1\"} on the right hand-side"))
    }

    @Test func groupWithoutIntervalTakesTheDefaultAndSourcesAreStablePerRuleIdentity() throws {
        let definition = RuleGroupDefinition(
            name: "g",
            rules: [
                try RuleFixtures.record("a", "1"), try RuleFixtures.record("a", "2"), try RuleFixtures.record("b", "1"),
            ],
            location: .wholeFile("t.yml"))
        let group = RuleGroup(definition, file: "t.yml", defaultInterval: 15_000)
        #expect(group.interval == 15_000)
        #expect(group.key == "t.yml;g")
        #expect(group.sources == ["rules/t.yml;g/a{}#0", "rules/t.yml;g/a{}#1", "rules/t.yml;g/b{}#0"])
    }
}
