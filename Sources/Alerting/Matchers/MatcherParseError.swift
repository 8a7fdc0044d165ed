/// A matcher string that Alertmanager would reject, with Alertmanager's own wording where it has one
/// (`bad matcher format: a`, `matcher value contains unescaped double quote: "b`).
public struct MatcherParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The whole input that was being parsed.
    public var text: String
    /// What is wrong, naming the offending part of ``text``.
    public var message: String

    public init(text: String, message: String) {
        self.text = text
        self.message = message
    }

    public var description: String { message }
}
