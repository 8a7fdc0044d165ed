/// Go's `%q` and `%#U` spellings, which Prometheus uses for strings, label values and characters
/// in error messages and in the text form of expressions.
public enum GoQuote {
    /// `strconv.Quote`: `"a\"b\n"`; printable characters stay as they are.
    public static func string(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars { append(scalar, quote: "\"", escapingReplacement: true, to: &out) }
        out += "\""
        return out
    }

    /// `%.Nq`: the first `limit` characters quoted, as Prometheus prints long token values.
    static func string(_ text: String, limit: Int) -> String {
        string(String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit))))
    }

    /// `%q` of a rune: `'x'`; the end of input (-1) prints as the replacement character, as in Go.
    static func rune(_ rune: Int32) -> String {
        let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: rune)) ?? "\u{FFFD}"
        var out = "'"
        append(rune < 0 ? "\u{FFFD}" : scalar, quote: "'", escapingReplacement: false, to: &out)
        out += "'"
        return out
    }

    /// `%#U`: `U+0063 'c'` (the character only when printable).
    static func unicodeNotation(_ rune: Int32) -> String {
        let value = UInt32(truncatingIfNeeded: max(rune, 0))
        var hex = String(value, radix: 16, uppercase: true)
        if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
        var out = "U+" + hex
        if let scalar = Unicode.Scalar(value), isPrintable(scalar) { out += " '\(Character(scalar))'" }
        return out
    }

    private static func append(
        _ scalar: Unicode.Scalar, quote: Unicode.Scalar, escapingReplacement: Bool, to out: inout String
    ) {
        switch scalar {
        case quote, "\\":
            out.unicodeScalars.append("\\")
            out.unicodeScalars.append(scalar)
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{0B}": out += "\\v"
        case "\u{FFFD}" where escapingReplacement:
            // Go would print a raw invalid byte as `\xff`; Swift strings hold U+FFFD instead, which
            // Prometheus' lexer rejects, so it is written as an escape that reads back the same.
            out += "\\ufffd"
        default:
            if isPrintable(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x" + hexDigits(scalar.value, count: 2)
            } else if scalar.value < 0x10000 {
                out += "\\u" + hexDigits(scalar.value, count: 4)
            } else {
                out += "\\U" + hexDigits(scalar.value, count: 8)
            }
        }
    }

    private static func hexDigits(_ value: UInt32, count: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, count - digits.count)) + digits
    }

    /// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .surrogate, .unassigned, .lineSeparator, .paragraphSeparator,
            .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
