/// One condition on a label of a series, as in a PromQL selector: `job="api"`, `code!="200"`,
/// `path=~"/api/.*"`, `env!~"dev|test"`.
///
/// Regular expressions are fully anchored, as in Prometheus (`^(?:re)$`), and an absent label
/// counts as the empty string, so `foo=""` selects series without `foo`. Common regex shapes
/// (a literal, an alternation of literals, `.*`, `.+`) are matched without running a regex.
public struct LabelMatcher: Sendable, Hashable, CustomStringConvertible {
    /// The four operators of PromQL selectors.
    public enum Kind: String, Sendable, Hashable {
        case equal = "="
        case notEqual = "!="
        case regexMatch = "=~"
        case regexNoMatch = "!~"
    }

    public let name: String
    public let kind: Kind
    public let value: String
    private let pattern: AnchoredPattern?

    /// - Throws: ``InvalidRegexError`` when `kind` is a regex operator and `value` does not compile.
    public init(_ name: String, _ kind: Kind, _ value: String) throws(InvalidRegexError) {
        self.name = name
        self.kind = kind
        self.value = value
        switch kind {
        case .equal, .notEqual: pattern = nil
        case .regexMatch, .regexNoMatch: pattern = try AnchoredPattern(value)
        }
    }

    /// An equality matcher, which cannot fail to build.
    public static func equal(_ name: String, _ value: String) -> LabelMatcher {
        LabelMatcher(name: name, kind: .equal, value: value)
    }

    private init(name: String, kind: Kind, value: String) {
        self.name = name
        self.kind = kind
        self.value = value
        self.pattern = nil
    }

    /// Whether a label value (empty when the label is absent) satisfies this matcher.
    public func matches(_ candidate: String) -> Bool {
        switch kind {
        case .equal: return candidate == value
        case .notEqual: return candidate != value
        case .regexMatch: return pattern?.matches(candidate) ?? false
        case .regexNoMatch: return !(pattern?.matches(candidate) ?? false)
        }
    }

    /// Whether a series satisfies this matcher.
    public func matches(_ labels: Labels) -> Bool {
        matches(labels[name] ?? "")
    }

    /// Whether the empty string satisfies this matcher (such a matcher alone would select everything).
    public var matchesEmpty: Bool { matches("") }

    public var description: String { "\(name)\(kind.rawValue)\"\(Labels.escape(value))\"" }

    public static func == (lhs: LabelMatcher, rhs: LabelMatcher) -> Bool {
        lhs.name == rhs.name && lhs.kind == rhs.kind && lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(kind)
        hasher.combine(value)
    }
}

/// A regular expression of a matcher that does not compile; the message says why.
public struct InvalidRegexError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pattern: String
    public var message: String

    public init(pattern: String, message: String) {
        self.pattern = pattern
        self.message = message
    }

    /// Go's wording (`error parsing regexp: missing closing ): `^(?:(a)$``) where Go's parser
    /// refuses the pattern, as Prometheus prints it; otherwise what Swift's engine said.
    public var description: String {
        message.hasPrefix("error parsing regexp: ") ? message : "invalid regular expression \"\(pattern)\": \(message)"
    }
}
