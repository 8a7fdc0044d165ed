import Alerting
import Foundation
import Notify
import Rules
import Testing

/// Template files (`templates:`), as Alertmanager users keep them: `{{ define }}` blocks that use
/// each other across files and the defaults, override a default, and are refused at their file and
/// line when they do not parse or run a template nobody defines.
@Suite struct TemplateFileTests {
    static let orgFile = (
        path: "/etc/vigil/templates/org.tmpl",
        text: """
        {{ define "org.slack.title" }}{{ template "__subject" . }} — {{ .CommonLabels.team }}{{ end }}
        {{ define "org.slack.text" }}{{ range .Alerts.Firing }}• {{ .Annotations.summary }}
        {{ end }}{{ template "org.footer" . }}{{ end }}
        Text outside a define is ignored, as Alertmanager ignores it.
        """
    )
    static let footerFile = (
        path: "/etc/vigil/templates/footer.tmpl",
        text: #"{{ define "org.footer" }}Residency program, on call: 555-0100{{ end }}"#
            + "\n" + #"{{ define "slack.default.username" }}Residency Vigil{{ end }}"#
    )

    @Test func definesUseEachOtherAcrossFilesAndOverrideADefault() throws {
        let library = try TemplateLibrary.load([Self.orgFile, Self.footerFile])
        #expect(library.names.isSuperset(of: ["org.slack.title", "org.slack.text", "org.footer", "__subject"]))
        var config = SlackConfig(apiURL: "http://x")
        config.title = #"{{ template "org.slack.title" . }}"#
        config.text = #"{{ template "org.slack.text" . }}"#
        config.username = #"{{ template "slack.default.username" . }}"#
        let message = try #require(
            try JSONSerialization.jsonObject(
                with: Data(SlackMessage.render(Fixtures.data(), config: config, templates: library))) as? [String: Any])
        #expect(message["username"] as? String == "Residency Vigil", "the file's definition overrides the default")
        let attachment = try #require((message["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["title"] as? String == "[FIRING:2] G x (b) — b")
        #expect(attachment["text"] as? String == "• s\n• s\nResidency program, on call: 555-0100")
        #expect(attachment["footer"] == nil, "no template error")
    }

    @Test func aRedefinedDefaultIsUsedWhereTheFieldIsUnset() throws {
        let library = try TemplateLibrary.load([
            (
                path: "/etc/vigil/templates/defaults.tmpl",
                text: #"{{ define "slack.default.title" }}Residency: {{ .CommonLabels.alertname }}{{ end }}"#
                    + #"{{ define "pagerduty.default.description" }}Page: {{ .CommonLabels.alertname }}{{ end }}"#
            )
        ])
        let slack = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    SlackMessage.render(Fixtures.data(), config: SlackConfig(apiURL: "http://x"), templates: library)))
                as? [String: Any])
        let attachment = try #require((slack["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["title"] as? String == "Residency: G")
        let page = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    PagerDutyEvent.render(
                        Fixtures.data(), config: PagerDutyConfig(routingKey: "k"), action: "trigger", templates: library
                    )))
                as? [String: Any])
        #expect((page["payload"] as? [String: Any])?["summary"] as? String == "Page: G")
        // Without the file, the built-in default.
        let plain = try #require(
            try JSONSerialization.jsonObject(
                with: Data(SlackMessage.render(Fixtures.data(), config: SlackConfig(apiURL: "http://x"))))
                as? [String: Any])
        #expect((plain["attachments"] as? [[String: Any]])?.first?["title"] as? String == "[FIRING:2] G x (b)")
    }

    @Test func aTemplateThatCallsItselfStopsWithAnError() throws {
        let library = try TemplateLibrary.load([
            (path: "/t/loop.tmpl", text: #"{{ define "loop" }}x{{ template "loop" . }}{{ end }}"#)
        ])
        var config = SlackConfig(apiURL: "http://x")
        config.text = #"{{ template "loop" . }}"#
        let message = try #require(
            try JSONSerialization.jsonObject(
                with: Data(SlackMessage.render(Fixtures.data(), config: config, templates: library))) as? [String: Any])
        let attachment = try #require((message["attachments"] as? [[String: Any]])?.first)
        #expect((attachment["footer"] as? String)?.contains("exceeded maximum template depth") == true, "\(attachment)")
    }

    @Test func aBrokenFileIsRefusedAtItsFileAndLine() {
        #expect {
            try TemplateLibrary.load([
                (path: "/t/broken.tmpl", text: "{{ define \"a\" }}\nfine\n{{ if .Status }}\n{{ end }}")
            ])
        } throws: { error in
            "\(error)".hasPrefix("template: /t/broken.tmpl:") && "\(error)".contains("unexpected EOF")
        }
        #expect {
            try TemplateLibrary.load([
                (path: "/t/unknown.tmpl", text: "\n{{ define \"a\" }}{{ template \"b\" . }}{{ end }}")
            ])
        } throws: { error in
            "\(error)" == "template: /t/unknown.tmpl:2: no such template \"b\""
        }
        #expect(throws: TemplateError.self) {
            try NotificationTemplate(#"{{ template "org.slack.title" . }}"#, name: "t", library: .defaults)
        }
    }
}
