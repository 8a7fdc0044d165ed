import Alerting
import Testing
import TimeSeries

/// Alertmanager's merge of two versions of the same alert (types.Alert.Merge).
@Suite struct PipelineAlertTests {
    static let labels = Labels(["alertname": "CriticalCoverageGap"])

    @Test func theYoungerVersionWinsButKeepsTheEarliestStart() {
        let old = PipelineAlert(labels: Self.labels, startsAt: 1_000, endsAt: 90_000, updatedAt: 1_000, timeout: true)
        let young = PipelineAlert(labels: Self.labels, startsAt: 5_000, endsAt: 95_000, updatedAt: 5_000, timeout: true)
        let merged = old.merged(with: young, at: 6_000)
        #expect(merged.startsAt == 1_000)
        #expect(merged.endsAt == 95_000)
        #expect(merged.updatedAt == 5_000)
        // Order does not matter.
        #expect(young.merged(with: old, at: 6_000) == merged)
    }

    @Test func aLaterExplicitEndOfTheOlderVersionWinsUnlessItWasATimeout() {
        let explicit = PipelineAlert(labels: Self.labels, startsAt: 0, endsAt: 200_000, updatedAt: 1_000)
        let young = PipelineAlert(labels: Self.labels, startsAt: 0, endsAt: 100_000, updatedAt: 2_000, timeout: true)
        #expect(explicit.merged(with: young, at: 3_000).endsAt == 200_000)
        var timedOut = explicit
        timedOut.timeout = true
        #expect(timedOut.merged(with: young, at: 3_000).endsAt == 100_000)
    }

    @Test func whenBothAreResolvedTheLatestEndWins() {
        let a = PipelineAlert(labels: Self.labels, startsAt: 0, endsAt: 4_000, updatedAt: 1_000)
        let b = PipelineAlert(labels: Self.labels, startsAt: 0, endsAt: 3_000, updatedAt: 2_000)
        #expect(a.merged(with: b, at: 10_000).endsAt == 4_000)
        #expect(a.isResolved(at: 4_000))
        #expect(!a.isResolved(at: 3_999))
    }
}
