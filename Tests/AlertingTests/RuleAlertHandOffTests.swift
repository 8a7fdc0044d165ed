import Alerting
import Rules
import Testing
import TimeSeries

/// Rule alerts reach the pipeline as Prometheus' notifier sends them to Alertmanager.
@Suite struct RuleAlertHandOffTests {
    static let minute: Int64 = 60_000

    @Test func firingAlertsAreSentEachTimeResolvedOnesOncePendingOnesNever() throws {
        let file = try RuleFileParser.parse(
            """
            groups:
              - name: g
                interval: 30s
                rules:
                  - alert: Now
                    expr: x > 0
                    labels: {severity: critical}
                  - alert: Later
                    expr: x > 0
                    for: 1h
            """, file: "r.yml")
        let store = SeriesStore()
        let series = Labels(["__name__": "x", "rotation": "clinic"])
        for (minute, value) in [(0, 1.0), (1, 1.0), (2, 0.0)] {
            _ = store.ingest(
                source: "test", samples: [IngestedSample(labels: series, value: value)], at: Int64(minute) * Self.minute
            )
        }
        var group = RuleGroup(try #require(file.groups.first), file: "r.yml", defaultInterval: Self.minute)
        let handOff = RuleAlertHandOff(
            externalLabels: Labels(["program": "fm", "rotation": "ignored"]), externalURL: "http://vigil:9095")

        group.evaluate(at: 0, in: RuleEvaluationContext(store: store))
        let first = handOff.alerts(of: group, now: 0, since: .min)
        // Only the firing alert (Later is pending); external labels added but never over the alert's own.
        #expect(
            first.map(\.labels) == [
                Labels(["alertname": "Now", "program": "fm", "rotation": "clinic", "severity": "critical"])
            ])
        // endsAt four evaluation intervals ahead, at least four minutes.
        #expect(first.first?.endsAt == 4 * Self.minute)
        #expect(first.first?.generatorURL == "http://vigil:9095/graph?g0.expr=x+%3E+0&g0.tab=1")

        group.evaluate(at: Self.minute, in: RuleEvaluationContext(store: store))
        #expect(handOff.alerts(of: group, now: Self.minute, since: 0).map(\.endsAt) == [5 * Self.minute])

        group.evaluate(at: 2 * Self.minute, in: RuleEvaluationContext(store: store))
        let resolved = handOff.alerts(of: group, now: 2 * Self.minute, since: Self.minute)
        #expect(resolved.count == 1)
        #expect(resolved.first?.endsAt == 2 * Self.minute)
        #expect(resolved.first?.startsAt == 0)
        // Sent once: the next hand-off no longer carries it.
        #expect(handOff.alerts(of: group, now: 3 * Self.minute, since: 2 * Self.minute).isEmpty)
    }
}
