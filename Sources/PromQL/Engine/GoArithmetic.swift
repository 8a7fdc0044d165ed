/// PromQL's binary operators on two floats, with Go's `math.Pow` and `math.Atan2` (Go computes
/// them with its own algorithms, which do not always round as the C library does), so `^` and
/// `atan2` agree with Prometheus to the last bit.
enum GoArithmetic {
    /// Prometheus' `vectorElemBinop`: the value, and for comparisons whether the element is kept
    /// (the value is then the left operand).
    static func apply(_ op: BinaryOperator, _ lhs: Double, _ rhs: Double) -> (value: Double, keep: Bool) {
        switch op {
        case .add: return (lhs + rhs, true)
        case .sub: return (lhs - rhs, true)
        case .mul: return (lhs * rhs, true)
        case .div: return (lhs / rhs, true)
        case .pow: return (pow(lhs, rhs), true)
        case .mod: return (lhs.truncatingRemainder(dividingBy: rhs), true)
        case .atan2: return (atan2(lhs, rhs), true)
        case .equal: return (lhs, lhs == rhs)
        case .notEqual: return (lhs, lhs != rhs)
        case .greater: return (lhs, lhs > rhs)
        case .less: return (lhs, lhs < rhs)
        case .greaterOrEqual: return (lhs, lhs >= rhs)
        case .lessOrEqual: return (lhs, lhs <= rhs)
        case .and, .or, .unless: return (lhs, true)
        }
    }

    /// Prometheus' `scalarBinop`: comparisons give 1 or 0.
    static func scalar(_ op: BinaryOperator, _ lhs: Double, _ rhs: Double) -> Double {
        let (value, keep) = apply(op, lhs, rhs)
        return op.isComparison ? (keep ? 1 : 0) : value
    }

    /// Whether the operator drops `__name__` from its result (arithmetic does, comparisons do not).
    static func dropsMetricName(_ op: BinaryOperator) -> Bool {
        switch op {
        case .add, .sub, .mul, .div, .pow, .mod: return true
        default: return false
        }
    }

    /// Go's `math.Pow`: special cases first, then x^yf by Exp(yf·Log x) and x^yi by repeated squaring
    /// of the mantissa, scaled by a power of two at the end.
    static func pow(_ x: Double, _ y: Double) -> Double {
        if y == 0 || x == 1 { return 1 }
        if y == 1 { return x }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 {
            if y < 0 { return x.sign == .minus && isOddInteger(y) ? -.infinity : .infinity }
            return x.sign == .minus && isOddInteger(y) ? x : 0
        }
        if y.isInfinite {
            if x == -1 { return 1 }
            return (x.magnitude < 1) == (y > 0) ? 0 : .infinity
        }
        if x.isInfinite {
            if x < 0 { return pow(1 / x, -y) }
            return y < 0 ? 0 : .infinity
        }
        if y == 0.5 { return x.squareRoot() }
        if y == -0.5 { return 1 / x.squareRoot() }

        var whole = y.magnitude.rounded(.towardZero)
        var fraction = y.magnitude - whole
        if fraction != 0 && x < 0 { return .nan }
        if whole >= 9_223_372_036_854_775_808.0 {
            if x == -1 { return 1 }
            return (x.magnitude < 1) == (y > 0) ? 0 : .infinity
        }
        var mantissa = 1.0
        var exponent = 0
        if fraction != 0 {
            if fraction > 0.5 {
                fraction -= 1
                whole += 1
            }
            mantissa = GoMath.exp(fraction * GoMath.ln(x))
        }
        var (base, baseExponent) = GoMath.frexp(x)
        var bits = Int64(whole)
        while bits != 0 {
            if baseExponent < -(1 << 12) || (1 << 12) < baseExponent {
                exponent += baseExponent
                break
            }
            if bits & 1 == 1 {
                mantissa *= base
                exponent += baseExponent
            }
            base *= base
            baseExponent <<= 1
            if base < 0.5 {
                base += base
                baseExponent -= 1
            }
            bits >>= 1
        }
        if y < 0 {
            mantissa = 1 / mantissa
            exponent = -exponent
        }
        return ldexp(mantissa, exponent)
    }

    private static func isOddInteger(_ value: Double) -> Bool {
        guard value.magnitude < 9_007_199_254_740_992.0 else { return false }
        let whole = value.rounded(.towardZero)
        return whole == value && Int64(whole) & 1 == 1
    }

    /// Go's `math.Ldexp`: `fraction · 2^exponent`, rounding once into the subnormal range.
    static func ldexp(_ fraction: Double, _ exponent: Int) -> Double {
        if fraction == 0 || fraction.isInfinite || fraction.isNaN { return fraction }
        let (normal, shift) = GoMath.frexp(fraction)
        let total = exponent + shift - 1
        if total < -1075 { return Double(signOf: fraction, magnitudeOf: 0) }
        if total > 1023 { return fraction < 0 ? -.infinity : .infinity }
        let significand = normal.magnitude * 2
        if total < -1022 {
            let scaled = Double(sign: .plus, exponent: total + 53, significand: significand)
            return Double(signOf: fraction, magnitudeOf: scaled * 0x1p-53)
        }
        return Double(sign: fraction.sign, exponent: total, significand: significand)
    }

    /// Go's `math.Atan2`: special cases, then Atan(y/x) moved to the right quadrant.
    static func atan2(_ y: Double, _ x: Double) -> Double {
        if y.isNaN || x.isNaN { return .nan }
        if y == 0 {
            return x >= 0 && x.sign == .plus ? Double(signOf: y, magnitudeOf: 0) : Double(signOf: y, magnitudeOf: .pi)
        }
        if x == 0 { return Double(signOf: y, magnitudeOf: .pi / 2) }
        if x.isInfinite {
            if x > 0 { return Double(signOf: y, magnitudeOf: y.isInfinite ? .pi / 4 : 0) }
            return Double(signOf: y, magnitudeOf: y.isInfinite ? 3 * .pi / 4 : .pi)
        }
        if y.isInfinite { return Double(signOf: y, magnitudeOf: .pi / 2) }
        let angle = GoTrigonometry.atan(y / x)
        if x < 0 { return angle <= 0 ? angle + .pi : angle - .pi }
        return angle
    }
}
