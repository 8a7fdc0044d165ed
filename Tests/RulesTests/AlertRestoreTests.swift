import PromQL
import Rules
import Testing
import TimeSeries
import VigilCore

/// Restoring saved alerts at start (Prometheus' outage tolerance and grace period) and carrying alerts
/// across a reload.
@Suite struct AlertRestoreTests {
    let minute = RuleFixtures.minute
    let options = AlertRestoreOptions()  // tolerance 1h, grace 10m

    func pending(activeAt: Int64) -> Alert {
        Alert(labels: Labels(["alertname": "X"]), state: .pending, value: 1, activeAt: activeAt)
    }

    @Test func pendingAlertResumesItsForDurationShiftedByTheOutage() throws {
        // for 30m; pending 5m when the daemon stopped at minute 5; restarted at minute 15 → 25m remain,
        // more than the grace period, so activeAt moves forward by the 10 minutes of outage.
        var rule = AlertingRule(try RuleFixtures.alert("X", "x", for: 30 * minute))
        let restored = rule.restore(pending(activeAt: 0), savedAt: 5 * minute, at: 15 * minute, options: options)
        #expect(restored)
        #expect(rule.activeAlerts.first?.activeAt == 10 * minute)
    }

    @Test func pendingAlertCloseToFiringGetsTheGracePeriod() throws {
        // for 30m; pending 25m at the stop (minute 25); restart at minute 30 → 5m remain < 10m grace:
        // it fires 10 minutes after the restart, so activeAt = 30 + 10 - 30 = minute 10.
        var rule = AlertingRule(try RuleFixtures.alert("X", "x", for: 30 * minute))
        rule.restore(pending(activeAt: 0), savedAt: 25 * minute, at: 30 * minute, options: options)
        #expect(rule.activeAlerts.first?.activeAt == 10 * minute)
    }

    @Test func nothingIsRestoredAfterAnOutageLongerThanTheTolerance() throws {
        var rule = AlertingRule(try RuleFixtures.alert("X", "x", for: 30 * minute))
        let restored = rule.restore(pending(activeAt: 0), savedAt: 0, at: 61 * minute, options: options)
        #expect(!restored)
        #expect(rule.currentAlerts.isEmpty)
    }

    @Test func rulesWithForShorterThanTheGracePeriodStartOver() throws {
        var rule = AlertingRule(try RuleFixtures.alert("X", "x", for: 5 * minute))
        let restored = rule.restore(pending(activeAt: 0), savedAt: 4 * minute, at: 6 * minute, options: options)
        #expect(!restored)
    }

    @Test func firingAndKeepFiringStateSurviveARestart() throws {
        let store = try RuleFixtures.store(["x": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]])  // expression now false
        var rule = AlertingRule(try RuleFixtures.alert("X", "x > 0", keepFiringFor: 10 * minute))
        let saved = Alert(
            labels: Labels(["alertname": "X"]), state: .firing, value: 1, activeAt: 0, firedAt: 0,
            keepFiringSince: 2 * minute)
        let restored = rule.restore(saved, savedAt: 3 * minute, at: 5 * minute, options: options)
        #expect(restored)
        _ = try rule.evaluate(at: 5 * minute, in: RuleEvaluationContext(store: store))
        #expect(rule.state == .firing)  // still within keep_firing_for of minute 2
        _ = try rule.evaluate(at: 12 * minute, in: RuleEvaluationContext(store: store))
        #expect(rule.currentAlerts.first?.state == .inactive)
        #expect(rule.currentAlerts.first?.resolvedAt == 12 * minute)
    }

    @Test func groupSavesAndRestoresThroughPersistedAlerts() throws {
        let store = try RuleFixtures.store(["x{a=\"1\"}": Array(repeating: 1, count: 40)])
        let definition = RuleGroupDefinition(
            name: "g", rules: [try RuleFixtures.alert("X", "x", for: 20 * minute)], location: .wholeFile("t.yml"))
        var before = RuleGroup(definition, file: "t.yml", defaultInterval: minute)
        before.evaluate(at: 0, in: RuleEvaluationContext(store: store))
        before.evaluate(at: 15 * minute, in: RuleEvaluationContext(store: store))
        let saved = before.persistedAlerts
        #expect(saved.map(\.savedAt) == [15 * minute])
        #expect(saved.map(\.rule) == ["rules/t.yml;g/X{}#0"])

        var after = RuleGroup(definition, file: "t.yml", defaultInterval: minute)
        let restored = after.restore(saved, at: 16 * minute, options: options)
        #expect(restored == 1)
        after.evaluate(at: 16 * minute, in: RuleEvaluationContext(store: store))
        // 15m spent pending, 5m remain < grace → fires at 16 + 10 = minute 26.
        #expect(after.alertingRules.first?.activeAlerts.first?.activeAt == 6 * minute)
        after.evaluate(at: 25 * minute, in: RuleEvaluationContext(store: store))
        #expect(after.alertingRules.first?.state == .pending)
        after.evaluate(at: 26 * minute, in: RuleEvaluationContext(store: store))
        #expect(after.alertingRules.first?.state == .firing)
    }

    @Test func reloadKeepsAlertsOfRulesWithTheSameNameAndLabels() throws {
        let store = try RuleFixtures.store(["x": [1, 1]])
        let old = [
            try RuleFixtures.alert("Kept", "x > 0", labels: ["severity": "page"]),
            try RuleFixtures.alert("Relabelled", "x > 0", labels: ["severity": "page"]),
            try RuleFixtures.record("gone", "x"),
        ]
        var before = RuleGroup(
            RuleGroupDefinition(name: "g", rules: old, location: .wholeFile("t.yml")), file: "t.yml",
            defaultInterval: minute)
        before.evaluate(at: 0, in: RuleEvaluationContext(store: store))
        let new = [
            try RuleFixtures.alert("Kept", "x >= 1", labels: ["severity": "page"]),  // expression changed
            try RuleFixtures.alert("Relabelled", "x > 0", labels: ["severity": "info"]),
        ]
        var after = RuleGroup(
            RuleGroupDefinition(name: "g", rules: new, location: .wholeFile("t.yml")), file: "t.yml",
            defaultInterval: minute)
        let orphans = after.inheritState(from: before)
        #expect(after.alertingRules[0].activeAlerts.map(\.activeAt) == [0])
        #expect(after.alertingRules[1].currentAlerts.isEmpty)
        #expect(
            orphans == ["rules/t.yml;g/Relabelled{severity=\"page\"}#0", "rules/t.yml;g/gone{}#0"])
        #expect(after.lastEvaluation == 0)
    }
}
