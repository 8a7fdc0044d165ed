#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Go's `math` package where it differs from the C library or from Swift's standard library:
/// `Max`/`Min` (NaN and signed-zero rules), `Log2` and `Log10` (derived from `Log`, so
/// `log10(1000)` is Go's value), and the float-to-int64 conversion of amd64. The remaining
/// functions are the C library's, which agree with Go's to the last bit or within one ulp.
enum GoMath {
    /// `math.Max`: +Inf wins over NaN, NaN over numbers, +0 over -0.
    static func max(_ x: Double, _ y: Double) -> Double {
        if x == .infinity || y == .infinity { return .infinity }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && x == y { return x.sign == .minus ? y : x }
        return x > y ? x : y
    }

    /// `math.Min`: -Inf wins over NaN, NaN over numbers, -0 over +0.
    static func min(_ x: Double, _ y: Double) -> Double {
        if x == -.infinity || y == -.infinity { return -.infinity }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && x == y { return x.sign == .minus ? x : y }
        return x < y ? x : y
    }

    /// `math.Frexp`: a fraction in [½, 1) and a power of two; zero, infinities and NaN unchanged.
    static func frexp(_ x: Double) -> (fraction: Double, exponent: Int) {
        if x == 0 || x.isInfinite || x.isNaN { return (x, 0) }
        let exponent = Int(x.exponent) + 1
        return (Double(sign: x.sign, exponent: -1, significand: x.significand), exponent)
    }

    /// 1/ln 2 and 1/ln 10 rounded to doubles, as Go's exact constant arithmetic produces them.
    private static let inverseLn2 = 1.442_695_040_888_963_4
    private static let inverseLn10 = 0.434_294_481_903_251_8

    /// `math.Log2`: exact for powers of two, otherwise `Log(frac)/ln 2 + exp`.
    static func log2(_ x: Double) -> Double {
        let (fraction, exponent) = frexp(x)
        if fraction == 0.5 { return Double(exponent - 1) }
        return ln(fraction) * inverseLn2 + Double(exponent)
    }

    /// `math.Log10`: `Log(x) * (1/ln 10)`.
    static func log10(_ x: Double) -> Double { ln(x) * inverseLn10 }

    static func ln(_ x: Double) -> Double { cLog(x) }
    static func exp(_ x: Double) -> Double { cExp(x) }

    /// The trigonometric and hyperbolic functions by PromQL name.
    static func trigonometric(_ name: String) -> ((Double) -> Double)? {
        switch name {
        case "sin": return cSin
        case "cos": return cCos
        case "tan": return cTan
        case "asin": return cAsin
        case "acos": return cAcos
        case "atan": return cAtan
        case "sinh": return cSinh
        case "cosh": return cCosh
        case "tanh": return cTanh
        case "asinh": return cAsinh
        case "acosh": return cAcosh
        case "atanh": return cAtanh
        default: return nil
        }
    }

    /// Go's `int64(x)` on amd64: truncation toward zero, and the "integer indefinite"
    /// value (the smallest Int64) for NaN and values out of range.
    static func int64(_ x: Double) -> Int64 {
        guard x >= -9_223_372_036_854_775_808.0, x < 9_223_372_036_854_775_808.0 else { return Int64.min }
        return Int64(x.rounded(.towardZero))
    }
}

// The C library's functions, under names GoMath's own members do not shadow.
private func cLog(_ x: Double) -> Double { log(x) }
private func cExp(_ x: Double) -> Double { exp(x) }
private func cSin(_ x: Double) -> Double { sin(x) }
private func cCos(_ x: Double) -> Double { cos(x) }
private func cTan(_ x: Double) -> Double { tan(x) }
private func cAsin(_ x: Double) -> Double { asin(x) }
private func cAcos(_ x: Double) -> Double { acos(x) }
private func cAtan(_ x: Double) -> Double { atan(x) }
private func cSinh(_ x: Double) -> Double { sinh(x) }
private func cCosh(_ x: Double) -> Double { cosh(x) }
private func cTanh(_ x: Double) -> Double { tanh(x) }
private func cAsinh(_ x: Double) -> Double { asinh(x) }
private func cAcosh(_ x: Double) -> Double { acosh(x) }
private func cAtanh(_ x: Double) -> Double { atanh(x) }
