/// Sample values and timestamps read from bytes with Go's rules, as Prometheus reads them (`strconv.ParseFloat`
/// without hex floats or underscores, `strconv.ParseInt`), and without building a String for the common cases.
enum ExpositionNumbers {
    /// Prometheus' one NaN (`value.NormalNaN`): every NaN read from a scrape becomes this one.
    static let normalNaN = Double(bitPattern: 0x7FF8_0000_0000_0001)

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// The value of `bytes[range]`, or nil when Go would reject it (syntax, or out of Double's range).
    /// Accepted: `[+-]` digits with an optional `.` and exponent; `[+-]Inf`/`Infinity` and `NaN` in any case.
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var index = range.lowerBound
        let end = range.upperBound
        guard index < end else { return nil }
        var negative = false
        var signed = false
        if bytes[index] == 0x2B || bytes[index] == 0x2D {
            negative = bytes[index] == 0x2D
            signed = true
            index += 1
        }
        guard index < end else { return nil }
        if !ExpositionBytes.isDigit(bytes[index]) && bytes[index] != 0x2E {
            return special(bytes, index..<end, signed: signed, negative: negative)
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        var sawPoint = false
        var truncated = false
        while index < end {
            let byte = bytes[index]
            if ExpositionBytes.isDigit(byte) {
                sawDigit = true
                if digits == 0 && byte == 0x30 {
                    if sawPoint { exponent -= 1 }
                } else if digits < 19 {
                    mantissa = mantissa * 10 + UInt64(byte - 0x30)
                    digits += 1
                    if sawPoint { exponent -= 1 }
                } else {
                    if byte != 0x30 { truncated = true }
                    if !sawPoint { exponent += 1 }
                }
            } else if byte == 0x2E && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }
        if index < end && (bytes[index] | 0x20) == 0x65 {
            index += 1
            var exponentNegative = false
            if index < end && (bytes[index] == 0x2B || bytes[index] == 0x2D) {
                exponentNegative = bytes[index] == 0x2D
                index += 1
            }
            guard index < end, ExpositionBytes.isDigit(bytes[index]) else { return nil }
            var written = 0
            while index < end, ExpositionBytes.isDigit(bytes[index]) {
                if written < 100_000 { written = written * 10 + Int(bytes[index] - 0x30) }
                index += 1
            }
            exponent += exponentNegative ? -written : written
        }
        guard index == end else { return nil }
        let magnitude: Double
        if mantissa == 0 {
            magnitude = 0
        } else if !truncated && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            // Both operands exact, so the one rounding of * or / is the correctly rounded result.
            magnitude =
                exponent >= 0
                ? Double(mantissa) * powersOfTen[exponent] : Double(mantissa) / powersOfTen[-exponent]
        } else {
            let start = range.lowerBound + (signed ? 1 : 0)
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            guard let parsed = Double(text), parsed.isFinite else { return nil }
            magnitude = parsed
        }
        return negative ? -magnitude : magnitude
    }

    /// Go's `special`: `inf`/`infinity` with an optional sign, `nan` without one, in any case.
    private static func special(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, signed: Bool, negative: Bool
    ) -> Double? {
        func equalsIgnoringCase(_ word: StaticString) -> Bool {
            guard range.count == word.utf8CodeUnitCount else { return false }
            return word.withUTF8Buffer { letters in
                zip(range, letters).allSatisfy { bytes[$0] | 0x20 == $1 }
            }
        }
        if equalsIgnoringCase("inf") || equalsIgnoringCase("infinity") { return negative ? -.infinity : .infinity }
        if !signed && equalsIgnoringCase("nan") { return normalNaN }
        return nil
    }

    /// `bytes[range]` (digits only) as a signed 64-bit integer, or nil when it overflows.
    static func timestamp(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int64? {
        var result: Int64 = 0
        for index in range {
            let (times, overflow) = result.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(Int64(bytes[index] - 0x30))
            if overflow || carry { return nil }
            result = sum
        }
        return result
    }
}
