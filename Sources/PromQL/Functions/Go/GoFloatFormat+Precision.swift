extension GoFloatFormat {
    /// `%.Nf`: `precision` decimals, rounded half to even on the exact binary value.
    static func fixed(_ value: Double, precision: Int) -> String {
        if let special = specialText(value) { return special }
        var decimal = ExactDecimal(value.magnitude)
        decimal.round(toDigits: decimal.point + precision)
        return signText(value) + fixedText(decimal.shortest, fractionDigits: precision)
    }

    /// `%.Ne`: one digit, `precision` decimals, a signed exponent of at least two digits.
    static func exponent(_ value: Double, precision: Int) -> String {
        if let special = specialText(value) { return special }
        var decimal = ExactDecimal(value.magnitude)
        decimal.round(toDigits: precision + 1)
        return signText(value) + exponentText(decimal.shortest, fractionDigits: precision)
    }

    /// `%.Ng`: `precision` significant digits (0 counts as 1), exponent form when the exponent is below -4 or
    /// at least the precision; trailing zeros dropped, as Go's `strconv` formats 'g'.
    static func general(_ value: Double, precision: Int) -> String {
        if let special = specialText(value) { return special }
        var digitsWanted = precision == 0 ? 1 : precision
        var decimal = ExactDecimal(value.magnitude)
        decimal.round(toDigits: digitsWanted)
        let digits = decimal.shortest
        let count = digits.digits.count
        let point = count == 0 ? 1 : digits.point
        var eprec = digitsWanted
        if eprec > count && count >= point { eprec = count }
        let exponent = point - 1
        if exponent < -4 || exponent >= eprec {
            if digitsWanted > count { digitsWanted = count }
            return signText(value) + exponentText(digits, fractionDigits: max(digitsWanted - 1, 0))
        }
        if digitsWanted > point { digitsWanted = count }
        return signText(value) + fixedText(digits, fractionDigits: max(digitsWanted - point, 0))
    }

    private static func specialText(_ value: Double) -> String? {
        if value.isNaN { return "NaN" }
        if value == .infinity { return "+Inf" }
        if value == -.infinity { return "-Inf" }
        return nil
    }

    private static func signText(_ value: Double) -> String { value.sign == .minus ? "-" : "" }

    private static func fixedText(_ decimal: ShortestDecimal, fractionDigits: Int) -> String {
        let digits = decimal.digits
        let zero = UInt8(ascii: "0")
        var text: [UInt8] = []
        if decimal.point > 0 && !digits.isEmpty {
            let integerDigits = Swift.min(digits.count, decimal.point)
            text += digits[0..<integerDigits]
            text += [UInt8](repeating: zero, count: decimal.point - integerDigits)
        } else {
            text.append(zero)
        }
        if fractionDigits > 0 {
            text.append(UInt8(ascii: "."))
            for index in 0..<fractionDigits {
                let position = decimal.point + index
                text.append(position >= 0 && position < digits.count && !digits.isEmpty ? digits[position] : zero)
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func exponentText(_ decimal: ShortestDecimal, fractionDigits: Int) -> String {
        let digits = decimal.digits
        let zero = UInt8(ascii: "0")
        var text: [UInt8] = [digits.first ?? zero]
        if fractionDigits > 0 {
            text.append(UInt8(ascii: "."))
            for index in 1...fractionDigits {
                text.append(index < digits.count ? digits[index] : zero)
            }
        }
        let exponent = digits.isEmpty ? 0 : decimal.point - 1
        text += Array((exponent < 0 ? "e-" : "e+").utf8)
        let magnitude = exponent.magnitude
        text += Array((magnitude < 10 ? "0\(magnitude)" : "\(magnitude)").utf8)
        return String(decoding: text, as: UTF8.self)
    }
}
