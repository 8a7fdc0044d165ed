/// Go's `strconv.ParseFloat(s, 64)` as a yes/no reader: which strings are numbers (`histogram_quantile`
/// skips buckets whose `le` is not one). Accepts decimal and `0x…p…` hexadecimal literals with Go's
/// underscore rule, and `Inf`/`Infinity`/`NaN` in any case; rejects out-of-range values, which Go
/// reports as an error.
enum GoParseFloat {
    static func parse(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        if let special = special(bytes) { return special }
        guard isWellFormed(bytes) else { return nil }
        let cleaned = String(decoding: bytes.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        guard let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    private static func special(_ bytes: [UInt8]) -> Double? {
        var rest = bytes[...]
        var sign = 1.0
        var signed = false
        if let first = rest.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            signed = true
            rest = rest.dropFirst()
        }
        let word = String(decoding: rest, as: UTF8.self).lowercased()
        if word == "inf" || word == "infinity" { return sign * .infinity }
        if word == "nan" && !signed { return .nan }
        return nil
    }

    private static func isWellFormed(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }
        func lower(_ byte: UInt8) -> UInt8 { byte | 0x20 }
        if let first = peek(), first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { index += 1 }
        var hex = false
        if index + 2 < bytes.count, bytes[index] == UInt8(ascii: "0"), lower(bytes[index + 1]) == UInt8(ascii: "x") {
            hex = true
            index += 2
        }
        var sawDigits = false
        var sawDot = false
        var underscores = false
        while let byte = peek() {
            if byte == UInt8(ascii: "_") {
                underscores = true
            } else if byte == UInt8(ascii: ".") {
                if sawDot { break }
                sawDot = true
            } else if isDigit(byte, hex: hex) {
                sawDigits = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigits else { return false }
        let exponentMarker = hex ? UInt8(ascii: "p") : UInt8(ascii: "e")
        if let byte = peek(), lower(byte) == exponentMarker {
            index += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek(), isDigit(digit, hex: false) else { return false }
            while let byte = peek(), isDigit(byte, hex: false) || byte == UInt8(ascii: "_") {
                if byte == UInt8(ascii: "_") { underscores = true }
                index += 1
            }
        } else if hex {
            return false
        }
        guard index == bytes.count else { return false }
        return !underscores || underscoresAllowed(bytes)
    }

    private static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return true }
        let lowered = byte | 0x20
        return hex && lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "f")
    }

    /// Go's `underscoreOK`: each underscore sits between digits (or after a base prefix).
    private static func underscoresAllowed(_ bytes: [UInt8]) -> Bool {
        var rest = bytes[...]
        if let first = rest.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            rest = rest.dropFirst()
        }
        var saw: UInt8 = UInt8(ascii: "^")
        var hex = false
        var index = rest.startIndex
        if rest.count >= 2, rest[index] == UInt8(ascii: "0") {
            let prefix = rest[index + 1] | 0x20
            if prefix == UInt8(ascii: "b") || prefix == UInt8(ascii: "o") || prefix == UInt8(ascii: "x") {
                index += 2
                saw = UInt8(ascii: "0")
                hex = prefix == UInt8(ascii: "x")
            }
        }
        while index < rest.endIndex {
            let byte = rest[index]
            index += 1
            if isDigit(byte, hex: hex) {
                saw = UInt8(ascii: "0")
                continue
            }
            if byte == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = UInt8(ascii: "_")
                continue
            }
            if saw == UInt8(ascii: "_") { return false }
            saw = UInt8(ascii: "!")
        }
        return saw != UInt8(ascii: "_")
    }
}
