import Alerting
import Foundation
import Notify
import Rules
import Testing
import TimeSeries

/// `email_configs` `text`, `html` and `headers` as Alertmanager templates over the notification data.
@Suite struct EmailTemplateTests {
    static func notification() -> GroupNotification {
        let firing = PipelineAlert(
            labels: Labels(["alertname": "CriticalCoverageGap", "rotation": "clinic", "severity": "critical"]),
            annotations: Labels(["summary": "Coverage at 80%"]), startsAt: 1_000, endsAt: 0, updatedAt: 1_000)
        let resolved = PipelineAlert(
            labels: Labels(["alertname": "CriticalCoverageGap", "rotation": "inpatient", "severity": "critical"]),
            annotations: Labels(["summary": "Coverage at 84%"]), startsAt: 1_000, endsAt: 5_000, updatedAt: 5_000)
        let key = NotificationLogKey(receiver: "on_call_admin", integration: "email[0]", groupKey: "{}:{}")
        return GroupNotification(
            receiver: "on_call_admin", integration: ReceiverIntegration(kind: "email", index: 0, sendResolved: true),
            groupKey: "{}:{alertname=\"CriticalCoverageGap\"}",
            groupLabels: Labels(["alertname": "CriticalCoverageGap"]),
            alerts: [firing, resolved],
            logEntry: NotificationLogEntry(key: key, firing: [], resolved: [], timestamp: 10_000, expiresAt: 0),
            routeID: "{}", decidedAt: 10_000)
    }

    static func rendered(_ config: EmailConfig) -> String {
        let data = NotificationData(notification: notification(), externalURL: "http://vigil.example")
        return String(decoding: EmailMessage.render(data, config: config, id: "d1", at: 10_000), as: UTF8.self)
    }

    @Test func textHTMLAndHeadersAreExpandedWithAlertmanagersData() {
        var config = EmailConfig(to: "oncall@program.example", from: "vigil@program.example")
        config.text = """
            {{ .Status | toUpper }} {{ len .Alerts.Firing }} firing, {{ len .Alerts.Resolved }} resolved
            {{ range .Alerts.Firing }}- {{ .Labels.rotation }}: {{ .Annotations.summary }}
            {{ end }}labels: {{ join ", " .CommonLabels.Names }}
            """
        config.html = "<b>{{ .CommonLabels.alertname }}</b> for {{ .Receiver }}"
        config.headers = ["Subject": "[{{ .Status }}] {{ .GroupLabels.alertname }}"]
        let message = Self.rendered(config)
        #expect(message.contains("Subject: [firing] CriticalCoverageGap\r\n"))
        #expect(message.contains("FIRING 1 firing, 1 resolved"))
        #expect(message.contains("- clinic: Coverage at 80%"))
        #expect(message.contains("labels: alertname, severity"))
        #expect(message.contains("<b>CriticalCoverageGap</b> for on_call_admin"))
        #expect(!message.contains("X-Vigil-Template-Error"))
    }

    @Test func aTemplateFailingAtExpansionFallsBackToTheDefaultAndSaysWhy() {
        var config = EmailConfig(to: "oncall@program.example", from: "vigil@program.example")
        config.text = "{{ index .Alerts 7 }}"
        let message = Self.rendered(config)
        #expect(message.contains("X-Vigil-Template-Error:"))
        // The default body is sent instead: nothing is lost.
        #expect(message.contains("Coverage at 80%"))
    }

    @Test func prometheusOnlyFunctionsAreUnknownInNotificationTemplates() {
        #expect(throws: TemplateError.self) { try NotificationTemplate("{{ humanize 3 }}", name: "t") }
        #expect(throws: TemplateError.self) { try AlertTemplate("{{ join \",\" .Labels }}", name: "t") }
    }
}
