/// Why a template did not parse or expand; shown in the alert as Prometheus does
/// (`<error expanding template: …>`), never fatal to the rule.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
