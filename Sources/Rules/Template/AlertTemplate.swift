import TimeSeries

/// A label or annotation template of an alerting rule, parsed once and expanded per alert.
///
/// Go's text/template as Prometheus uses it: the alert's data is the root (`.Labels`, `.Value`,
/// `.ExternalLabels`, `.ExternalURL`) and `$labels`, `$value`, `$externalLabels`, `$externalURL` are
/// predefined, as Prometheus prepends them to every alert template.
public struct AlertTemplate: Sendable {
    private let nodes: [TemplateNode]
    private let name: String

    /// Parses `text`; `name` identifies the template in errors (`__alert_HighUtilization`).
    public init(_ text: String, name: String) throws(TemplateError) {
        self.name = name
        var parser = try TemplateParser(text, name: name)
        nodes = try parser.parse()
    }

    /// Expands the template for one alert; `query` evaluates the `query` function's PromQL.
    public func expand(_ data: TemplateData, query: @escaping TemplateQuery) throws(TemplateError) -> String {
        func map(_ labels: Labels) -> TemplateValue {
            var entries: [String: TemplateValue] = [:]
            for pair in labels.pairs { entries[pair.name] = .string(pair.value) }
            return .dict(entries)
        }
        let root = TemplateValue.dict([
            "Labels": map(data.labels), "ExternalLabels": map(data.externalLabels),
            "ExternalURL": .string(data.externalURL), "Value": .float(data.value),
        ])
        var variables: [String: TemplateValue] = [
            "$": root, "$labels": map(data.labels), "$externalLabels": map(data.externalLabels),
            "$externalURL": .string(data.externalURL), "$value": .float(data.value),
        ]
        let evaluator = TemplateEvaluator(
            name: name, functions: TemplateFunctions(query: query, externalURL: data.externalURL))
        return try evaluator.run(nodes, dot: root, variables: &variables)
    }
}
