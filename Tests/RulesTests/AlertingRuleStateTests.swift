import PromQL
import Rules
import Testing
import TimeSeries
import VigilCore

/// The alert state machine, stepped by hand: values at minute steps, evaluations at chosen times.
@Suite struct AlertingRuleStateTests {
    let minute = RuleFixtures.minute

    @Test func firesAfterForDurationElapses() throws {
        let store = try RuleFixtures.store(["x": Array(repeating: 1, count: 10)])
        var rule = AlertingRule(try RuleFixtures.alert("X", "x > 0", for: 5 * minute))
        let context = RuleEvaluationContext(store: store)
        _ = try rule.evaluate(at: 0, in: context)
        #expect(rule.activeAlerts.map(\.state) == [.pending])
        _ = try rule.evaluate(at: 4 * minute, in: context)
        #expect(rule.activeAlerts.map(\.state) == [.pending])
        _ = try rule.evaluate(at: 5 * minute, in: context)
        let alert = try #require(rule.activeAlerts.first)
        #expect(alert.state == .firing)
        #expect(alert.activeAt == 0)
        #expect(alert.firedAt == 5 * minute)
    }

    @Test func pendingAlertThatDisappearsIsDropped() throws {
        let store = try RuleFixtures.store(["x": [1, 1, 0, 0]])
        var rule = AlertingRule(try RuleFixtures.alert("X", "x > 0", for: 10 * minute))
        let context = RuleEvaluationContext(store: store)
        _ = try rule.evaluate(at: minute, in: context)
        #expect(rule.state == .pending)
        _ = try rule.evaluate(at: 2 * minute, in: context)
        #expect(rule.currentAlerts.isEmpty)
        #expect(rule.state == .inactive)
    }

    @Test func resolvedAlertIsKeptFifteenMinutesThenDropped() throws {
        // x is 1 for minutes 0-1, then 0 until minute 30.
        let store = try RuleFixtures.store(["x": [1, 1] + Array(repeating: 0, count: 30)])
        var rule = AlertingRule(try RuleFixtures.alert("X", "x > 0"))
        let context = RuleEvaluationContext(store: store)
        _ = try rule.evaluate(at: minute, in: context)
        #expect(rule.state == .firing)
        _ = try rule.evaluate(at: 2 * minute, in: context)
        let resolved = try #require(rule.currentAlerts.first)
        #expect(resolved.state == .inactive)
        #expect(resolved.resolvedAt == 2 * minute)
        #expect(rule.activeAlerts.isEmpty)
        _ = try rule.evaluate(at: 17 * minute, in: context)  // exactly 15 minutes later: still kept
        #expect(rule.currentAlerts.count == 1)
        _ = try rule.evaluate(at: 17 * minute + 1, in: context)
        #expect(rule.currentAlerts.isEmpty)
    }

    @Test func keepFiringForHoldsAFiringAlertAfterTheExpressionStops() throws {
        let store = try RuleFixtures.store(["x": [1, 0, 0, 0, 0, 0]])
        var rule = AlertingRule(try RuleFixtures.alert("X", "x > 0", keepFiringFor: 3 * minute))
        let context = RuleEvaluationContext(store: store)
        _ = try rule.evaluate(at: 0, in: context)
        #expect(rule.state == .firing)
        _ = try rule.evaluate(at: minute, in: context)
        #expect(rule.activeAlerts.first?.keepFiringSince == minute)
        #expect(rule.state == .firing)
        _ = try rule.evaluate(at: 3 * minute + 59_999, in: context)  // 2m59.999s since: still held
        #expect(rule.state == .firing)
        _ = try rule.evaluate(at: 4 * minute, in: context)  // 3m since: released
        #expect(rule.state == .inactive)
        #expect(rule.currentAlerts.first?.resolvedAt == 4 * minute)
    }

    @Test func alertReturningAgainWhileHeldClearsKeepFiringSince() throws {
        let store = try RuleFixtures.store(["x": [1, 0, 1]])
        var rule = AlertingRule(try RuleFixtures.alert("X", "x > 0", keepFiringFor: 10 * minute))
        let context = RuleEvaluationContext(store: store)
        for step in 0..<3 { _ = try rule.evaluate(at: Int64(step) * minute, in: context) }
        let alert = try #require(rule.activeAlerts.first)
        #expect(alert.keepFiringSince == nil)
        #expect(alert.activeAt == 0)
    }

    @Test func ruleLabelsOverrideSeriesLabelsAndNameIsDropped() throws {
        let store = try RuleFixtures.store(["x{severity=\"low\", instance=\"a\"}": [1]])
        var rule = AlertingRule(
            try RuleFixtures.alert("X", "x", labels: ["severity": "critical", "page": "true"]))
        _ = try rule.evaluate(at: 0, in: RuleEvaluationContext(store: store))
        let alert = try #require(rule.activeAlerts.first)
        #expect(
            alert.labels
                == Labels(["alertname": "X", "instance": "a", "severity": "critical", "page": "true"]))
    }

    @Test func alertsAndForStateSeriesAreWrittenForActiveAlerts() throws {
        let store = try RuleFixtures.store(["x{instance=\"a\"}": [1, 1, 1]])
        var group = RuleGroup(
            RuleGroupDefinition(
                name: "g", rules: [try RuleFixtures.alert("X", "x", for: 2 * minute, labels: ["severity": "page"])],
                location: .wholeFile("t.yml")),
            file: "t.yml", defaultInterval: minute)
        let context = RuleEvaluationContext(store: store)
        group.evaluate(at: minute, in: context)
        let pending = try RuleFixtures.query("ALERTS", at: minute, store)
        #expect(
            pending.map(\.labels) == [
                Labels([
                    "__name__": "ALERTS", "alertname": "X", "alertstate": "pending", "instance": "a",
                    "severity": "page",
                ])
            ])
        let forState = try RuleFixtures.query("ALERTS_FOR_STATE", at: minute, store)
        #expect(forState.map(\.value) == [60])
        group.evaluate(at: 3 * minute, in: context)
        let firing = try RuleFixtures.query("ALERTS", at: 3 * minute, store)
        #expect(firing.map { $0.labels["alertstate"] } == ["firing"])  // the pending series went stale
    }

    @Test func duplicateLabelSetsAfterApplyingLabelsAreAnError() throws {
        let store = try RuleFixtures.store(["x{a=\"1\"}": [1], "y{a=\"1\"}": [1]])
        var rule = AlertingRule(try RuleFixtures.alert("X", "{a=\"1\"}"))
        #expect(throws: RuleEvaluationError.duplicateLabelSet(afterApplying: "alert")) {
            try rule.evaluate(at: 0, in: RuleEvaluationContext(store: store))
        }
        #expect(
            RuleEvaluationError.duplicateLabelSet(afterApplying: "alert").description
                == "vector contains metrics with the same labelset after applying alert labels")
    }

    @Test func exceedingTheGroupLimitClearsTheAlerts() throws {
        let store = try RuleFixtures.store(["x{a=\"1\"}": [1], "x{a=\"2\"}": [1]])
        var rule = AlertingRule(try RuleFixtures.alert("X", "x"))
        #expect(throws: RuleEvaluationError.limitExceeded(limit: 1, count: 2, of: "alerts")) {
            try rule.evaluate(at: 0, in: RuleEvaluationContext(store: store), limit: 1)
        }
        #expect(rule.currentAlerts.isEmpty)
    }

    @Test func scalarResultsBecomeOneAlertWithoutSeriesLabels() throws {
        var rule = AlertingRule(try RuleFixtures.alert("Always", "vector(1) > 0"))
        _ = try rule.evaluate(at: 0, in: RuleEvaluationContext(store: SeriesStore()))
        #expect(rule.activeAlerts.map(\.labels) == [Labels(["alertname": "Always"])])
    }

    @Test func fingerprintIsAlertmanagersFNV1aOverSortedLabels() {
        // Expected values computed independently (Python: FNV-1a 64 over name 0xff value 0xff, sorted).
        #expect(
            AlertFingerprint(Labels(["alertname": "HighUtilization", "severity": "warning"])).description
                == "75d5656a346f49a3")
        #expect(AlertFingerprint(Labels()).description == "cbf29ce484222325")
        #expect(AlertFingerprint("75d5656a346f49a3")?.value == 0x75d5_656a_346f_49a3)
        #expect(AlertFingerprint("xyz") == nil)
    }
}
