/// Go's renderings of a float64 that PromQL output and error messages use:
/// `strconv.FormatFloat(v, 'f', -1, 64)` (count_values' label), `%v` (`fmt`'s shortest `%g`)
/// and `%f` (six decimals, exactly rounded).
enum GoFloatFormat {
    /// `strconv.FormatFloat(value, 'f', -1, 64)`: the shortest digits that read back as `value`,
    /// never in exponent form (`1e+21` is `1000000000000000000000`); `NaN`, `+Inf`, `-Inf`, `-0`.
    static func shortestFixed(_ value: Double) -> String {
        if let special = special(value) { return special }
        let decimal = ShortestDecimal(value.magnitude)
        return sign(value) + fixed(decimal, fractionDigits: Swift.max(decimal.digits.count - decimal.point, 0))
    }

    /// `fmt`'s `%v` of a float64: shortest digits, in exponent form (`1e+06`, `1.5e-05`) when the
    /// decimal exponent is below -4 or at least 6.
    static func shortestGeneral(_ value: Double) -> String {
        if let special = special(value) { return special }
        let decimal = ShortestDecimal(value.magnitude)
        let exponent = decimal.point - 1
        if decimal.digits.isEmpty || (exponent >= -4 && exponent < 6) {
            return sign(value) + fixed(decimal, fractionDigits: Swift.max(decimal.digits.count - decimal.point, 0))
        }
        return sign(value) + exponentForm(decimal)
    }

    /// `strconv.FormatFloat(value, 'e', -1, 64)`: shortest digits, always in exponent form (`1e+00`,
    /// `8.5e-01`), as Prometheus' API prints alert values.
    static func shortestExponent(_ value: Double) -> String {
        if let special = special(value) { return special }
        let decimal = ShortestDecimal(value.magnitude)
        if decimal.digits.isEmpty { return sign(value) + "0e+00" }
        return sign(value) + exponentForm(decimal)
    }

    private static func exponentForm(_ decimal: ShortestDecimal) -> String {
        let exponent = decimal.point - 1
        var text = ""
        text.append(Character(Unicode.Scalar(decimal.digits[0])))
        if decimal.digits.count > 1 {
            text += "."
            text += String(decoding: decimal.digits[1...], as: UTF8.self)
        }
        text += exponent < 0 ? "e-" : "e+"
        let magnitude = exponent.magnitude
        text += magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
        return text
    }

    /// `fmt`'s `%f`: six decimals, rounded half to even on the exact binary value.
    static func fixed6(_ value: Double) -> String {
        if let special = special(value) { return special }
        var decimal = ExactDecimal(value.magnitude)
        decimal.round(toDigits: decimal.point + 6)
        return sign(value) + fixed(decimal.shortest, fractionDigits: 6)
    }

    private static func special(_ value: Double) -> String? {
        if value.isNaN { return "NaN" }
        if value == .infinity { return "+Inf" }
        if value == -.infinity { return "-Inf" }
        return nil
    }

    private static func sign(_ value: Double) -> String { value.sign == .minus ? "-" : "" }

    /// Go's `fmtF`: the integer part (at least `0`), then `fractionDigits` decimals.
    private static func fixed(_ decimal: ShortestDecimal, fractionDigits: Int) -> String {
        let digits = decimal.digits
        var text: [UInt8] = []
        if decimal.point > 0 {
            let integerDigits = Swift.min(digits.count, decimal.point)
            text += digits[0..<integerDigits]
            text += [UInt8](repeating: UInt8(ascii: "0"), count: decimal.point - integerDigits)
        } else {
            text.append(UInt8(ascii: "0"))
        }
        if fractionDigits > 0 {
            text.append(UInt8(ascii: "."))
            for place in 1...fractionDigits {
                let index = decimal.point + place - 1
                text.append(index >= 0 && index < digits.count ? digits[index] : UInt8(ascii: "0"))
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// A non-negative number as decimal digits (ASCII, no leading or trailing zeros) and the position
/// of the decimal point relative to the first digit: 0.0012 is ("12", -2); zero has no digits.
struct ShortestDecimal {
    var digits: [UInt8]
    var point: Int

    init(digits: [UInt8], point: Int) {
        self.digits = digits
        self.point = point
    }

    /// The shortest digits that read back as `value` (finite, non-negative), taken from Swift's
    /// `description`, which like Go's `strconv` prints the shortest round-tripping, closest digits.
    init(_ value: Double) {
        let text = Array(value.description.utf8)
        var mantissa = text[...]
        var exponent = 0
        if let e = text.firstIndex(of: UInt8(ascii: "e")) {
            mantissa = text[..<e]
            exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) ?? 0
        }
        var digits: [UInt8] = []
        var point = 0
        var seenDot = false
        for character in mantissa {
            if character == UInt8(ascii: ".") {
                seenDot = true
            } else {
                digits.append(character)
                if !seenDot { point += 1 }
            }
        }
        point += exponent
        while let first = digits.first, first == UInt8(ascii: "0") {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0") {
            digits.removeLast()
        }
        if digits.isEmpty { point = 0 }
        self.init(digits: digits, point: point)
    }
}

/// The exact decimal expansion of a finite, non-negative double, for Go's fixed-precision
/// formats (which round the exact value, not the shortest one).
struct ExactDecimal {
    /// Decimal digit values 0...9, most significant first.
    private var digits: [UInt8]
    /// Position of the decimal point relative to `digits`' start.
    private(set) var point: Int

    init(_ value: Double) {
        var mantissa: UInt64
        var exponent: Int
        if value == 0 {
            digits = []
            point = 0
            return
        }
        if value.isNormal {
            mantissa = (1 << 52) | value.significandBitPattern
            exponent = Int(value.exponentBitPattern) - 1075
        } else {
            mantissa = value.significandBitPattern
            exponent = -1074
        }
        var reversed: [UInt8] = []
        while mantissa > 0 {
            reversed.append(UInt8(mantissa % 10))
            mantissa /= 10
        }
        digits = reversed.reversed()
        point = digits.count
        while exponent > 0 {
            double()
            exponent -= 1
        }
        while exponent < 0 {
            halve()
            exponent += 1
        }
        trim()
    }

    private mutating func double() {
        var carry: UInt8 = 0
        for index in digits.indices.reversed() {
            let product = digits[index] * 2 + carry
            digits[index] = product % 10
            carry = product / 10
        }
        if carry > 0 {
            digits.insert(carry, at: 0)
            point += 1
        }
    }

    private mutating func halve() {
        var remainder: UInt8 = 0
        var result: [UInt8] = []
        result.reserveCapacity(digits.count + 1)
        for digit in digits {
            let current = remainder * 10 + digit
            result.append(current / 2)
            remainder = current % 2
        }
        if remainder > 0 { result.append(5) }
        digits = result
        trim()
    }

    private mutating func trim() {
        while let first = digits.first, first == 0 {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == 0 { digits.removeLast() }
        if digits.isEmpty { point = 0 }
    }

    /// Keeps `count` significant digits, rounding half to even as Go's `decimal.Round` does.
    mutating func round(toDigits count: Int) {
        guard count >= 0 else {
            digits = []
            point = 0
            return
        }
        guard count < digits.count else { return }
        let next = digits[count]
        let exactlyHalf = next == 5 && count + 1 == digits.count
        let roundUp: Bool
        if exactlyHalf {
            roundUp = count > 0 && digits[count - 1] % 2 == 1
        } else {
            roundUp = next >= 5
        }
        digits.removeSubrange(count...)
        if roundUp {
            var index = count - 1
            while index >= 0 && digits[index] == 9 {
                digits[index] = 0
                index -= 1
            }
            if index < 0 {
                digits.insert(1, at: 0)
                point += 1
            } else {
                digits[index] += 1
            }
        }
        trim()
    }

    /// The digits as ASCII.
    var shortest: ShortestDecimal {
        ShortestDecimal(digits: digits.map { $0 + UInt8(ascii: "0") }, point: point)
    }
}
