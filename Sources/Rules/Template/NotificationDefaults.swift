/// The named templates a notification template may run with `{{ template "name" . }}`: Vigil's
/// rendition of Alertmanager's `default.tmpl`, so a receiver pasted from an Alertmanager
/// configuration (`title: '{{ template "slack.default.title" . }}'`) renders the same. Each is
/// written here in Go template syntax; the sender name is Vigil where Alertmanager says Alertmanager.
enum NotificationDefaults {
    static let sources: [String: String] = [
        "__alertmanager": "Vigil",
        "__alertmanagerURL": #"{{ .ExternalURL }}/#/alerts?receiver={{ .Receiver | urlquery }}"#,
        "__subject":
            #"[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .GroupLabels.SortedPairs.Values | join " " }}{{ if gt (len .CommonLabels) (len .GroupLabels) }} ({{ with .CommonLabels.Remove .GroupLabels.Names }}{{ .Values | join " " }}{{ end }}){{ end }}"#,
        "__description": "",
        "__text_alert_list":
            "{{ range . }}Labels:\n{{ range .Labels.SortedPairs }} - {{ .Name }} = {{ .Value }}\n{{ end }}Annotations:\n{{ range .Annotations.SortedPairs }} - {{ .Name }} = {{ .Value }}\n{{ end }}Source: {{ .GeneratorURL }}\n{{ end }}",
        "__text_alert_list_markdown":
            "{{ range . }}\nLabels:\n{{ range .Labels.SortedPairs }}  - {{ .Name }} = {{ .Value }}\n{{ end }}\nAnnotations:\n{{ range .Annotations.SortedPairs }}  - {{ .Name }} = {{ .Value }}\n{{ end }}\nSource: {{ .GeneratorURL }}\n{{ end }}",
        "slack.default.title": #"{{ template "__subject" . }}"#,
        "slack.default.username": #"{{ template "__alertmanager" . }}"#,
        "slack.default.fallback":
            #"{{ template "slack.default.title" . }} | {{ template "slack.default.titlelink" . }}"#,
        "slack.default.callbackid": "",
        "slack.default.pretext": "",
        "slack.default.titlelink": #"{{ template "__alertmanagerURL" . }}"#,
        "slack.default.iconemoji": "",
        "slack.default.iconurl": "",
        "slack.default.text": "",
        "slack.default.footer": "",
        "pagerduty.default.description": #"{{ template "__subject" . }}"#,
        "pagerduty.default.client": #"{{ template "__alertmanager" . }}"#,
        "pagerduty.default.clientURL": #"{{ template "__alertmanagerURL" . }}"#,
        "pagerduty.default.instances": #"{{ template "__text_alert_list" . }}"#,
        "email.default.subject": #"{{ template "__subject" . }}"#,
        "msteams.default.summary": #"{{ template "__subject" . }}"#,
        "msteams.default.title": #"{{ template "__subject" . }}"#,
        "msteams.default.text":
            #"{{ if gt (len .Alerts.Firing) 0 }}# Alerts Firing:{{ template "__text_alert_list_markdown" .Alerts.Firing }}{{ end }}{{ if gt (len .Alerts.Resolved) 0 }}# Alerts Resolved:{{ template "__text_alert_list_markdown" .Alerts.Resolved }}{{ end }}"#,
    ]

    static var names: Set<String> { Set(sources.keys) }

    /// Every default, parsed; a default that does not parse is a bug, caught by the tests.
    static let parsed: [String: [TemplateNode]] = {
        var table: [String: [TemplateNode]] = [:]
        for (name, source) in sources {
            var parser = try? TemplateParser(
                source, name: name, known: TemplateFunctions.alertmanagerNames, predefined: ["$"], named: names)
            table[name] = (try? parser?.parse()) ?? [.text("{{ template \"\(name)\" }} failed to parse")]
        }
        return table
    }()
}
