import Alerting
import Logging
import Synchronization
import Testing
import TimeSeries

/// `GET /api/v2/alerts/groups` lists groups as Alertmanager 0.25 does: by group labels
/// (`LabelSet.Before`: fewer labels first, then values), ties by receiver; alerts by `job`,
/// `instance`, then labels.
@Suite struct GroupViewOrderTests {
    final class Discard: NotificationRecorder {
        func record(_ notifications: [GroupNotification]) throws {}
    }

    @Test func groupsAndTheirAlertsAreOrderedAsAlertmanagerOrdersThem() async throws {
        let escalation = try EscalationFileParser.parse(
            [
                (
                    "esc.yml",
                    """
                    route:
                      receiver: team
                      group_by: [alertname]
                      routes:
                        - matchers: ['severity="critical"']
                          receiver: pager
                          continue: true
                        - matchers: ['team="db"']
                          receiver: dba
                    """
                )
            ], receivers: ["team", "pager", "dba"], fallbackReceiver: "team")
        let pipeline = AlertPipeline(
            config: AlertPipelineConfig(escalation: escalation, planner: NotificationPlanner(receivers: [:])),
            store: nil, recorder: Discard(), logger: Logger(label: "test"))
        let now: Int64 = 1_700_000_000_000
        func alert(_ labels: [String: String]) -> PipelineAlert {
            PipelineAlert(labels: Labels(labels), startsAt: now, endsAt: now + 3_600_000, updatedAt: now)
        }
        await pipeline.receive(
            [
                alert(["alertname": "Target", "severity": "critical", "team": "db"]),
                alert(["alertname": "Source", "instance": "i3"]),
                alert(["alertname": "Source", "instance": "i1"]),
                alert(["alertname": "Source", "instance": "i2"]),
            ], now: now, persist: false)
        let groups = await pipeline.groupViews(now: now)
        #expect(
            groups.map { "\($0.labels["alertname"] ?? "")/\($0.receiver)" } == [
                "Source/team", "Target/dba", "Target/pager",
            ])
        #expect(groups.first?.alerts.map { $0.alert.labels["instance"] ?? "" } == ["i1", "i2", "i3"])
    }
}
