/// JSON written byte for byte as Go's `encoding/json` writes it, for payloads that must read the same
/// as Prometheus' and Alertmanager's: `<`, `>` and `&` escaped as `\u003c`…, U+2028 and U+2029
/// escaped, maps with sorted keys, times in RFC 3339 with trailing zeros trimmed.
public struct GoJSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Per open object or array, whether it has a member yet (so the next one needs a comma).
    private var started: [Bool] = []

    public init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    /// Text appended as it is (punctuation, numbers).
    public mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A JSON string with Go's escaping (HTML characters escaped, as `json.Encoder` does by default).
    public mutating func string(_ text: String) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": raw("\\\"")
            case "\\": raw("\\\\")
            case "\n": raw("\\n")
            case "\r": raw("\\r")
            case "\t": raw("\\t")
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                raw("\\u")
                let value = scalar.value
                for shift in [12, 8, 4, 0] { bytes.append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
            default:
                if scalar.value < 0x20 {
                    raw("\\u00")
                    bytes.append(hex[Int(scalar.value >> 4)])
                    bytes.append(hex[Int(scalar.value & 0xF)])
                } else {
                    bytes.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"name":` before a value.
    public mutating func key(_ name: String) {
        string(name)
        raw(":")
    }

    /// An object of strings with sorted keys, as Go writes a `map[string]string`.
    public mutating func stringMap(_ pairs: [(name: String, value: String)]) {
        raw("{")
        for (index, pair) in pairs.sorted(by: { $0.name < $1.name }).enumerated() {
            if index > 0 { raw(",") }
            key(pair.name)
            string(pair.value)
        }
        raw("}")
    }

    // MARK: Objects and arrays with their commas written for you

    /// `{`: members follow through ``member(_:)`` and its variants, then ``end(_:)`` with `}`.
    public mutating func beginObject() {
        raw("{")
        started.append(false)
    }

    /// `[`: elements follow, each after ``element()``, then ``end(_:)`` with `]`.
    public mutating func beginArray() {
        raw("[")
        started.append(false)
    }

    /// Closes the innermost object (`}`) or array (`]`).
    public mutating func end(_ closer: String) {
        raw(closer)
        started.removeLast()
    }

    /// Before an array element: the comma when it is not the first.
    public mutating func element() {
        if started.last == true { raw(",") }
        if !started.isEmpty { started[started.count - 1] = true }
    }

    /// `"name":` as the next member of the innermost object (with its comma).
    public mutating func member(_ name: String) {
        element()
        key(name)
    }

    public mutating func member(_ name: String, string value: String) {
        member(name)
        string(value)
    }

    /// A member whose value is written as it is (a number, `true`, `null`).
    public mutating func member(_ name: String, raw value: String) {
        member(name)
        raw(value)
    }

    public mutating func member(_ name: String, map pairs: [(name: String, value: String)]) {
        member(name)
        stringMap(pairs)
    }

    public mutating func member(_ name: String, time milliseconds: Int64?) {
        member(name)
        time(milliseconds)
    }

    /// A time as Go's `time.Time` marshals (UTC): see ``GoTime/rfc3339(_:)``.
    public mutating func time(_ milliseconds: Int64?) {
        string(GoTime.rfc3339(milliseconds))
    }
}

/// Go's RFC 3339 text of a time, as `time.Time` marshals to JSON.
public enum GoTime {
    /// `2026-09-14T12:00:30.5Z` for milliseconds since the epoch (UTC); nil → Go's zero time
    /// `0001-01-01T00:00:00Z`.
    public static func rfc3339(_ milliseconds: Int64?) -> String {
        guard let milliseconds else { return "0001-01-01T00:00:00Z" }
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let fraction = milliseconds - seconds * 1000
        var text = UTCDateTime(unixSeconds: seconds).text(separator: "T")
        if fraction > 0 {
            var digits = UTCDateTime.padded(fraction, 3)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + "Z"
    }
}
