import Schedule

/// A small JSON writer for reports: keys in the order written (so the output is stable and reads
/// top-down like the text report), strings escaped per RFC 8259, numbers as JSON allows (non-finite
/// values become null, since JSON has no NaN).
struct JSONText {
    private(set) var text = ""
    private var needsComma: [Bool] = [false]
    private let indentUnit: String
    private let pretty: Bool

    init(pretty: Bool = true) {
        self.pretty = pretty
        indentUnit = pretty ? " " : ""
    }

    mutating func object(_ key: String? = nil, _ body: (inout JSONText) -> Void) {
        open(key, "{")
        body(&self)
        close("}")
    }

    mutating func array(_ key: String? = nil, _ body: (inout JSONText) -> Void) {
        open(key, "[")
        body(&self)
        close("]")
    }

    mutating func string(_ key: String?, _ value: String) {
        element(key)
        text += Self.quoted(value)
    }

    mutating func number(_ key: String?, _ value: Double) {
        element(key)
        text += Self.format(value)
    }

    mutating func int(_ key: String?, _ value: Int) {
        element(key)
        text += String(value)
    }

    mutating func bool(_ key: String?, _ value: Bool) {
        element(key)
        text += value ? "true" : "false"
    }

    mutating func null(_ key: String?) {
        element(key)
        text += "null"
    }

    /// A number as the report shows it: integral values without a fraction, others rounded to
    /// six decimals so the output is stable across platforms.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        return String(rounded)
    }

    /// A JSON string literal, escaped by the schedule encoder's rules (one escaping for Vigil).
    static func quoted(_ value: String) -> String {
        var bytes: [UInt8] = []
        Schedule.JSONText.appendString(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func element(_ key: String?) {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
        if pretty {
            text += "\n" + String(repeating: indentUnit, count: needsComma.count - 1)
        }
        if let key { text += Self.quoted(key) + (pretty ? ": " : ":") }
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        if needsComma.count == 1 && key == nil && text.isEmpty {
            text += bracket
        } else {
            element(key)
            text += bracket
        }
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadElements = needsComma.removeLast()
        if pretty && hadElements { text += "\n" + String(repeating: indentUnit, count: needsComma.count - 1) }
        text += bracket
    }
}
