/// A parsed JSON document that remembers where each value came from.
///
/// Foundation's `JSONSerialization` loses positions and key order, and a schedule file needs both:
/// every problem must name its line and column, and keys are checked in the order people wrote them.
public struct JSONValue: Sendable, Hashable {
    /// What the value is. Objects keep their members in file order (keys are unique: the parser
    /// rejects duplicates).
    public enum Kind: Sendable, Hashable {
        case object([JSONMember])
        case array([JSONValue])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    public var kind: Kind
    /// Where the value's first character is.
    public var position: JSONPosition

    public init(_ kind: Kind, at position: JSONPosition) {
        self.kind = kind
        self.position = position
    }

    /// The member named `key` of an object; nil for a missing key or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The members of an object, in file order; nil for anything else.
    public var members: [JSONMember]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// The elements of an array; nil for anything else.
    public var elements: [JSONValue]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    /// The text of a string; nil for anything else.
    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// The value of a number; nil for anything else.
    public var number: Double? {
        if case .number(let value) = kind { return value }
        return nil
    }

    /// The value of `true` or `false`; nil for anything else.
    public var bool: Bool? {
        if case .bool(let value) = kind { return value }
        return nil
    }

    /// The value of a number that is a whole number small enough to be exact (|n| ≤ 2⁵³); nil otherwise.
    public var integer: Int? {
        guard case .number(let value) = kind, value.rounded(.towardZero) == value,
            abs(value) <= 9_007_199_254_740_992
        else { return nil }
        return Int(value)
    }

    /// What a person reading an error calls this kind of value: "a string", "an object"…
    public var typeDescription: String {
        switch kind {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}

/// One `"key": value` of a JSON object, with where the key itself is (unknown keys are reported there).
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var keyPosition: JSONPosition
    public var value: JSONValue

    public init(key: String, keyPosition: JSONPosition, value: JSONValue) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}
