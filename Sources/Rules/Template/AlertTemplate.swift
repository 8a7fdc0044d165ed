/// A label or annotation template of an alerting rule, parsed once and expanded per alert.
///
/// SKELETON: the template helper replaces this file with Go's text/template subset.
public struct AlertTemplate: Sendable {
    let text: String
    let name: String

    /// Parses `text`; `name` identifies the template in errors (`__alert_HighUtilization`).
    public init(_ text: String, name: String) throws(TemplateError) {
        self.text = text
        self.name = name
    }

    /// Expands the template for one alert; `query` evaluates the `query` function's PromQL.
    public func expand(_ data: TemplateData, query: TemplateQuery) throws(TemplateError) -> String {
        text
    }
}
