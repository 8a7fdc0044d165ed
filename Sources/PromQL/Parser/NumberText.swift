/// The value of a number token, read as Prometheus reads it: first as a Go integer literal
/// (`0x1f`, octal `0755`), then as a float (`1.5e3`, `.5`, `Inf`, `NaN`); the error text is Go's.
enum NumberText {
    enum Failure: Error { case syntax, range }

    static func value(_ text: String) -> Result<Double, Failure> {
        if let integer = integerValue(text) { return .success(Double(integer)) }
        return floatValue(text)
    }

    /// `error parsing number: strconv.ParseFloat: parsing "1e": invalid syntax`.
    static func message(_ text: String, _ failure: Failure) -> String {
        let reason = failure == .syntax ? "invalid syntax" : "value out of range"
        return "error parsing number: strconv.ParseFloat: parsing \(GoQuote.string(text)): \(reason)"
    }

    /// Go's `strconv.ParseInt(text, 0, 64)` for the unsigned texts the lexer produces.
    private static func integerValue(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return nil }
        if bytes.count > 2, first == UInt8(ascii: "0"), bytes[1] | 0x20 == UInt8(ascii: "x") {
            return Int64(String(decoding: bytes[2...], as: UTF8.self), radix: 16)
        }
        if bytes.count > 1, first == UInt8(ascii: "0") {
            return Int64(String(decoding: bytes[1...], as: UTF8.self), radix: 8)
        }
        return Int64(text, radix: 10)
    }

    /// Go's `strconv.ParseFloat(text, 64)` for decimal texts and the special names.
    private static func floatValue(_ text: String) -> Result<Double, Failure> {
        switch text.lowercased() {
        case "inf", "+inf", "infinity", "+infinity": return .success(.infinity)
        case "-inf", "-infinity": return .success(-.infinity)
        case "nan": return .success(.nan)
        default: break
        }
        guard isDecimalFloat(text), let value = Double(text) else { return .failure(.syntax) }
        return value.isInfinite ? .failure(.range) : .success(value)
    }

    /// digits [. digits] [e [+-] digits], with at least one mantissa digit.
    private static func isDecimalFloat(_ text: String) -> Bool {
        var iterator = text.utf8.makeIterator()
        var mantissaDigits = 0
        var byte = iterator.next()
        func isDigit(_ value: UInt8?) -> Bool { value.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        while isDigit(byte) {
            mantissaDigits += 1
            byte = iterator.next()
        }
        if byte == UInt8(ascii: ".") {
            byte = iterator.next()
            while isDigit(byte) {
                mantissaDigits += 1
                byte = iterator.next()
            }
        }
        guard mantissaDigits > 0 else { return false }
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            byte = iterator.next()
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { byte = iterator.next() }
            guard isDigit(byte) else { return false }
            while isDigit(byte) { byte = iterator.next() }
        }
        return byte == nil
    }
}
