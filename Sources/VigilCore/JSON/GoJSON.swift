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
    /// Works on the UTF-8 bytes: everything but the few escaped characters is copied as it is.
    public mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                switch byte {
                case UInt8(ascii: "\""): escape(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): escape(UInt8(ascii: "\\"))
                case UInt8(ascii: "\n"): escape(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): escape(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): escape(UInt8(ascii: "t"))
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0x00..<0x20:
                    unicodeEscape(UInt32(byte))
                case 0xE2
                where index + 2 < utf8.count && utf8[index + 1] == 0x80
                    && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    // U+2028 and U+2029, which JavaScript reads as line ends.
                    unicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 2
                default:
                    bytes.append(byte)
                }
                index += 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ letter: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(letter)
    }

    private mutating func unicodeEscape(_ value: UInt32) {
        let hex: StaticString = "0123456789abcdef"
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "u"))
        for shift in [12, 8, 4, 0] as [UInt32] {
            bytes.append(hex.utf8Start[Int((value >> shift) & 0xF)])
        }
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
