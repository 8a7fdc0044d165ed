extension JSONReader {
    /// Reads a number (cursor on its `-` or first digit). Whole numbers of up to 15 digits — all a
    /// schedule holds — are computed from the digits directly; only fractions and exponents go
    /// through the standard library's correctly rounded conversion.
    mutating func readNumber() throws(JSONSyntaxError) -> Double {
        let start = index
        let negative = peek == UInt8(ascii: "-")
        if negative { index += 1 }
        guard isDigit(peek) else {
            throw failure(at: index, "expected a digit after \"-\", found \(describeByte(at: index))")
        }
        var whole = 0
        var digits = 0
        if peek == UInt8(ascii: "0") {
            index += 1
            if isDigit(peek) { throw failure(at: start, "numbers cannot start with a leading zero") }
        } else {
            while isDigit(peek) {
                if digits < 16 { whole = whole * 10 + Int(peek - UInt8(ascii: "0")) }
                digits += 1
                index += 1
            }
        }
        var isWhole = true
        if peek == UInt8(ascii: ".") {
            index += 1
            guard isDigit(peek) else { throw failure(at: index, "expected a digit after the decimal point") }
            while isDigit(peek) { index += 1 }
            isWhole = false
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard isDigit(peek) else { throw failure(at: index, "expected a digit in the exponent") }
            while isDigit(peek) { index += 1 }
            isWhole = false
        }
        if isWhole && digits <= 15 { return Double(negative ? -whole : whole) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text) else { throw failure(at: start, "cannot read the number \(text)") }
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
