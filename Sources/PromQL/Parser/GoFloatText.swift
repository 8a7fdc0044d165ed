/// Go's `%v` (shortest `%g`) and `%f` renderings of a Double, which Prometheus uses for number
/// literals in the text of expressions and for `@` timestamps in error messages.
enum GoFloatText {
    /// `fmt.Sprint(value)`: `1`, `0.5`, `1e+06`, `1.5e-07`, `+Inf`, `-Inf`, `NaN`.
    static func shortest(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let (digits, pointPosition) = decimalDigits(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let exponent = pointPosition - 1
        // Go's shortest %g switches to exponent form below 1e-4 and from 1e+06 (eprec 6).
        if exponent < -4 || exponent >= 6 {
            var mantissa = String(digits.first ?? "0")
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let magnitude = abs(exponent)
            let exponentText = (magnitude < 10 ? "0" : "") + String(magnitude)
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentText
        }
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if pointPosition >= digits.count {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count)
        }
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// The shortest round-tripping decimal digits of a positive finite value (no leading or trailing
    /// zeros) and where the decimal point goes: value = 0.digits × 10^pointPosition.
    static func decimalDigits(_ value: Double) -> (digits: String, pointPosition: Int) {
        let text = "\(value)"
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        var digits = ""
        var pointPosition = 0
        var seenPoint = false
        for character in mantissa {
            if character == "." {
                seenPoint = true
                continue
            }
            digits.append(character)
            if !seenPoint { pointPosition += 1 }
        }
        pointPosition += exponent
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (digits, pointPosition)
    }

    /// `fmt.Sprintf("%f", value)` for the values that reach it: non-finite ones and integers too large
    /// for an Int64 (six zero decimals), or anything else rounded to six decimals.
    static func fixedSix(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let sign = value.sign == .minus ? "-" : ""
        let magnitude = value.magnitude
        if magnitude >= 1e15 {
            // Every double this large is an integer; write its exact decimal expansion.
            return sign + exactInteger(magnitude) + ".000000"
        }
        let scaled = (magnitude * 1_000_000).rounded()
        let whole = Int64(scaled / 1_000_000)
        let fraction = Int64(scaled) - whole * 1_000_000
        let fractionText = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: 6 - fractionText.count) + fractionText
    }

    /// The exact decimal digits of a non-negative integral double.
    private static func exactInteger(_ value: Double) -> String {
        // value = significand × 2^exponent with an integral significand.
        var significand = value.significandBitPattern | (1 << 52)
        var exponent = Int(value.exponent) - 52
        while exponent < 0 {
            significand >>= 1
            exponent += 1
        }
        // Little-endian base-1e9 limbs.
        var limbs: [UInt64] = [significand % 1_000_000_000, significand / 1_000_000_000]
        for _ in 0..<exponent {
            var carry: UInt64 = 0
            for index in limbs.indices {
                let doubled = limbs[index] * 2 + carry
                limbs[index] = doubled % 1_000_000_000
                carry = doubled / 1_000_000_000
            }
            if carry > 0 { limbs.append(carry) }
        }
        while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
        var out = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let text = String(limb)
            out += String(repeating: "0", count: 9 - text.count) + text
        }
        return out
    }
}
