import Alerting
import Foundation
import Notify
import Rules
import Testing

/// Alertmanager's named default templates, as a receiver pasted from Alertmanager uses them
/// (`{{ template "slack.default.title" . }}`): they render what the integrations render by default,
/// every one parses, and a name that does not exist is refused when the configuration is read.
@Suite struct DefaultTemplateTests {
    static func expand(_ text: String, _ data: NotificationData = Fixtures.data()) throws -> String {
        try NotificationTemplate(text, name: "t").expand(data.templateData)
    }

    @Test func theSubjectTemplatesRenderAlertmanagersSubject() throws {
        let subject = EmailMessage.subject(Fixtures.data())
        #expect(subject == "[FIRING:2] G x (b)")
        for name in [
            "__subject", "slack.default.title", "pagerduty.default.description", "email.default.subject",
            "msteams.default.title",
        ] {
            #expect(try Self.expand("{{ template \"\(name)\" . }}") == subject, "\(name)")
        }
        let resolved = Fixtures.data(Fixtures.notification(alerts: [Fixtures.alert(1, endsAt: Fixtures.resolvedAt)]))
        #expect(try Self.expand(#"{{ template "__subject" . }}"#, resolved) == EmailMessage.subject(resolved))
    }

    @Test func theOtherDefaultsRenderAsAlertmanagersDo() throws {
        #expect(try Self.expand(#"{{ template "slack.default.username" . }}"#) == "Vigil")
        #expect(
            try Self.expand(#"{{ template "slack.default.titlelink" . }}"#)
                == Fixtures.externalURL + "/#/alerts?receiver=hook")
        #expect(
            try Self.expand(#"{{ template "slack.default.fallback" . }}"#)
                == "[FIRING:2] G x (b) | " + Fixtures.externalURL + "/#/alerts?receiver=hook")
        let list = try Self.expand(#"{{ template "__text_alert_list" .Alerts.Firing }}"#)
        #expect(list.hasPrefix("Labels:\n - alertname = G\n - instance = x\n - n = 2\n - team = b\nAnnotations:\n"))
        #expect(list.components(separatedBy: "Labels:").count == 3, "the two firing alerts")
        #expect(try Self.expand(#"{{ .CommonLabels.Remove .GroupLabels.Names | len }}"#) == "1")
        #expect(try Self.expand(#"{{ .CommonLabels.SortedPairs.Names | join "," }}"#) == "alertname,instance,team")
        let teams = try Self.expand(#"{{ template "msteams.default.text" . }}"#)
        #expect(teams.hasPrefix("# Alerts Firing:\nLabels:\n  - alertname = G"), "\(teams)")
        #expect(teams.contains("# Alerts Resolved:"))
    }

    @Test func aTemplateThatDoesNotExistIsRefusedAtParseTime() {
        #expect(throws: TemplateError.self) {
            try NotificationTemplate(#"{{ template "slack.myorg.title" . }}"#, name: "t")
        }
        #expect(throws: TemplateError.self) { try NotificationTemplate(#"{{ template }}"#, name: "t") }
        // Every default parses (a broken one would render its own name).
        for name in NotificationTemplate.defaultNames.sorted() {
            #expect(throws: Never.self) { _ = try NotificationTemplate("{{ template \"\(name)\" . }}", name: "t") }
        }
    }

    @Test func aPagerDutyDescriptionPastedFromAlertmanagerRendersTheSame() throws {
        var config = PagerDutyConfig()
        config.description = #"{{ template "pagerduty.default.description" . }}"#
        config.details = ["firing": #"{{ template "pagerduty.default.instances" .Alerts.Firing }}"#]
        let event = try #require(
            try JSONSerialization.jsonObject(
                with: Data(PagerDutyEvent.render(Fixtures.data(), config: config, action: "trigger")))
                as? [String: Any])
        let payload = try #require(event["payload"] as? [String: Any])
        #expect(payload["summary"] as? String == "[FIRING:2] G x (b)")
        let details = try #require(payload["custom_details"] as? [String: String])
        #expect(details["firing"]?.hasPrefix("Labels:\n - alertname = G\n") == true)
        #expect(details["vigil_template_errors"] == nil)
    }
}
