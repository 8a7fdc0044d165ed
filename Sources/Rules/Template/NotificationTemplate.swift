import TimeSeries

/// A notification template as Alertmanager runs it (`email_configs` `text`, `html`, `headers`, …):
/// Go's text/template over the notification's data (`.Status`, `.Alerts` with `.Alerts.Firing` and
/// `.Alerts.Resolved`, `.GroupLabels`, `.CommonLabels`, `.CommonAnnotations`, `.ExternalURL`,
/// `.Receiver`; label maps with `.SortedPairs`, `.Names`, `.Values`) and Alertmanager's functions
/// (`toUpper`, `toLower`, `title`, `join`, `match`, `reReplaceAll`, `safeHtml`, `stringSlice` and Go's
/// builtins).
public struct NotificationTemplate: Sendable {
    /// One alert as templates see it.
    public struct Alert: Sendable {
        public var status: String
        public var labels: Labels
        public var annotations: Labels
        public var startsAt: String
        public var endsAt: String
        public var generatorURL: String
        public var fingerprint: String

        public init(
            status: String, labels: Labels, annotations: Labels, startsAt: String, endsAt: String,
            generatorURL: String, fingerprint: String
        ) {
            self.status = status
            self.labels = labels
            self.annotations = annotations
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.generatorURL = generatorURL
            self.fingerprint = fingerprint
        }
    }

    /// Alertmanager's `template.Data`.
    public struct Data: Sendable {
        public var receiver: String
        public var status: String
        public var alerts: [Alert]
        public var groupLabels: Labels
        public var commonLabels: Labels
        public var commonAnnotations: Labels
        public var externalURL: String

        public init(
            receiver: String, status: String, alerts: [Alert], groupLabels: Labels, commonLabels: Labels,
            commonAnnotations: Labels, externalURL: String
        ) {
            self.receiver = receiver
            self.status = status
            self.alerts = alerts
            self.groupLabels = groupLabels
            self.commonLabels = commonLabels
            self.commonAnnotations = commonAnnotations
            self.externalURL = externalURL
        }
    }

    private let nodes: [TemplateNode]
    private let name: String
    private let library: TemplateLibrary

    /// Parses `text`; errors (an unknown function, an unclosed action) name the template and line.
    /// The named templates `{{ template "name" . }}` may run: Alertmanager's defaults
    /// (`slack.default.title`, `pagerduty.default.instances`, `__subject`, …).
    public static var defaultNames: Set<String> { NotificationDefaults.names }

    /// Parses `text`; errors (an unknown function or template, an unclosed action) name the template
    /// and line. `library` holds the templates `{{ template "name" . }}` may run.
    public init(_ text: String, name: String, library: TemplateLibrary = .defaults) throws(TemplateError) {
        self.name = name
        self.library = library
        var parser = try TemplateParser(
            text, name: name, known: TemplateFunctions.alertmanagerNames, predefined: ["$"], named: library.names)
        nodes = try parser.parse()
    }

    public func expand(_ data: Data) throws(TemplateError) -> String {
        func map(_ labels: Labels) -> TemplateValue {
            var entries: [String: TemplateValue] = [:]
            for pair in labels.pairs { entries[pair.name] = .string(pair.value) }
            return .dict(entries)
        }
        let alerts = TemplateValue.list(
            data.alerts.map { alert in
                .dict([
                    "Status": .string(alert.status), "Labels": map(alert.labels), "Annotations": map(alert.annotations),
                    "StartsAt": .string(alert.startsAt), "EndsAt": .string(alert.endsAt),
                    "GeneratorURL": .string(alert.generatorURL), "Fingerprint": .string(alert.fingerprint),
                ])
            })
        let root = TemplateValue.dict([
            "Receiver": .string(data.receiver), "Status": .string(data.status), "Alerts": alerts,
            "GroupLabels": map(data.groupLabels), "CommonLabels": map(data.commonLabels),
            "CommonAnnotations": map(data.commonAnnotations), "ExternalURL": .string(data.externalURL),
        ])
        var variables: [String: TemplateValue] = ["$": root]
        let evaluator = TemplateEvaluator(
            name: name, functions: TemplateFunctions(query: { _ in [] }, externalURL: data.externalURL),
            named: library.parsed)
        return try evaluator.run(nodes, dot: root, variables: &variables)
    }
}
