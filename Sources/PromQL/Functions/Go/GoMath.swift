/// Go's `math` package (1.19, amd64) as Prometheus' binaries run it, so that PromQL's maths agrees
/// to the last bit: `Max`/`Min` (NaN and signed-zero rules), `Log` and `Log1p` (FreeBSD's
/// algorithms, not always correctly rounded), `Log2`/`Log10` (derived from `Log`), `Exp` (the amd64
/// assembly's algorithm with fused multiply-adds), the hyperbolic functions built on them, and the
/// float-to-int64 conversion of amd64. The circular functions are in ``GoTrigonometry``.
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
    private static let ln2 = 6.931_471_805_599_452_862_27e-01
    private static let ln2High = 6.931_471_803_691_238_164_90e-01
    private static let ln2Low = 1.908_214_929_270_587_700_02e-10
    // The polynomial of log(1+f) in s = f/(2+f), shared by Log and Log1p.
    private static let lg1 = 6.666_666_666_666_735_130e-01
    private static let lg2 = 3.999_999_999_940_941_908e-01
    private static let lg3 = 2.857_142_874_366_239_149e-01
    private static let lg4 = 2.222_219_843_214_978_396e-01
    private static let lg5 = 1.818_357_216_161_805_012e-01
    private static let lg6 = 1.531_383_769_920_937_332e-01
    private static let lg7 = 1.479_819_860_511_658_591e-01

    /// `math.Log2`: exact for powers of two, otherwise `Log(frac)/ln 2 + exp`.
    static func log2(_ x: Double) -> Double {
        let (fraction, exponent) = frexp(x)
        if fraction == 0.5 { return Double(exponent - 1) }
        return ln(fraction) * inverseLn2 + Double(exponent)
    }

    /// `math.Log10`: `Log(x) * (1/ln 10)`.
    static func log10(_ x: Double) -> Double { ln(x) * inverseLn10 }

    /// `math.Log`: x = 2^k·(1+f) with √2/2 < 1+f < √2, then log(1+f) by a polynomial in
    /// s = f/(2+f), and k·ln 2 added in two parts.
    static func ln(_ x: Double) -> Double {
        if x.isNaN || x == .infinity { return x }
        if x < 0 { return .nan }
        if x == 0 { return -.infinity }
        var (fraction, exponent) = frexp(x)
        if fraction < 0.707_106_781_186_547_6 {  // √2/2
            fraction *= 2
            exponent -= 1
        }
        let f = fraction - 1
        let k = Double(exponent)
        let s = f / (2 + f)
        let s2 = s * s
        let s4 = s2 * s2
        let t1 = s2 * (lg1 + s4 * (lg3 + s4 * (lg5 + s4 * lg7)))
        let t2 = s4 * (lg2 + s4 * (lg4 + s4 * lg6))
        let r = t1 + t2
        let halfSquare = 0.5 * f * f
        return k * ln2High - ((halfSquare - (s * (halfSquare + r) + k * ln2Low)) - f)
    }

    /// `math.Log1p`: log(1+x), accurate near zero (FreeBSD's s_log1p.c).
    static func log1p(_ x: Double) -> Double {
        if x < -1 || x.isNaN { return .nan }
        if x == -1 { return -.infinity }
        if x == .infinity { return .infinity }
        let absolute = x.magnitude
        var f = 0.0
        var bits: UInt64 = 0
        var k = 1
        if absolute < 4.142_135_623_730_950_488_017e-01 {  // √2 - 1
            if absolute < 1.0 / Double(1 << 29) {
                if absolute < 1.0 / Double(UInt64(1) << 54) { return x }
                return x - x * x * 0.5
            }
            if x > -2.928_932_188_134_524_755_992e-01 {  // √2/2 - 1
                k = 0
                f = x
                bits = 1
            }
        }
        var correction = 0.0
        if k != 0 {
            var u: Double
            if absolute < Double(UInt64(1) << 53) {
                u = 1.0 + x
                bits = u.bitPattern
                k = Int(bits >> 52) - 1023
                correction = k > 0 ? 1.0 - (u - x) : x - (u - 1.0)
                correction /= u
            } else {
                u = x
                bits = u.bitPattern
                k = Int(bits >> 52) - 1023
                correction = 0
            }
            bits &= 0x000F_FFFF_FFFF_FFFF
            if bits < 0x0006_A09E_667F_3BCD {  // mantissa of √2
                u = Double(bitPattern: bits | 0x3FF0_0000_0000_0000)
            } else {
                k += 1
                u = Double(bitPattern: bits | 0x3FE0_0000_0000_0000)
                bits = (0x0010_0000_0000_0000 - bits) >> 2
            }
            f = u - 1.0
        }
        let halfSquare = 0.5 * f * f
        let kd = Double(k)
        if bits == 0 {
            if f == 0 {
                if k == 0 { return 0 }
                correction += kd * ln2Low
                return kd * ln2High + correction
            }
            let r = halfSquare * (1.0 - 0.666_666_666_666_666_66 * f)
            if k == 0 { return f - r }
            return kd * ln2High - ((r - (kd * ln2Low + correction)) - f)
        }
        let s = f / (2.0 + f)
        let z = s * s
        let r = z * (lg1 + z * (lg2 + z * (lg3 + z * (lg4 + z * (lg5 + z * (lg6 + z * lg7))))))
        if k == 0 { return f - (halfSquare - s * (halfSquare + r)) }
        return kd * ln2High - ((halfSquare - (s * (halfSquare + r) + (kd * ln2Low + correction))) - f)
    }

    /// `math.Exp` as Go's amd64 assembly computes it on CPUs with FMA (Shibata's method: reduce by
    /// k·ln 2, a Taylor series of x/16, squared up four times, then scaled by 2^k).
    static func exp(_ x: Double) -> Double {
        if x.isNaN || x == .infinity { return x }
        if x == -.infinity { return 0 }
        if x > 7.097_827_128_933_84e+02 { return .infinity }
        let scaled = (1.442_695_040_888_963_407_359_924_681_001_892_0 * x).rounded(.toNearestOrEven)
        let k: Int32 = scaled >= -2_147_483_648.0 && scaled <= 2_147_483_647.0 ? Int32(scaled) : Int32.min
        let kd = Double(k)
        var r = x.addingProduct(-kd, 0.693_147_180_559_662_956_511_601_805_686_950_683_593_75)
        r = r.addingProduct(-kd, 0.282_352_905_630_315_771_225_884_481_750_134_360_255_254_120_68e-12)
        r *= 0.0625
        var p = 2.480_158_730_158_730_158_7e-5
        for coefficient in [
            1.984_126_984_126_984_127_0e-4, 1.388_888_888_888_888_888_9e-3, 8.333_333_333_333_333_333_3e-3,
            4.166_666_666_666_666_666_7e-2, 1.666_666_666_666_666_666_7e-1, 0.5, 1.0,
        ] {
            p = coefficient.addingProduct(p, r)
        }
        r *= p
        for _ in 0..<3 { r *= r + 2.0 }
        r = 1.0.addingProduct(r, r + 2.0)

        var biased = k &+ 0x3FF
        if biased <= 0 {
            if biased < -52 { return 0 }
            biased += 0x3FE
            r *= Double(bitPattern: UInt64(biased) << 52)
            return r * Double(bitPattern: UInt64(1) << 52)
        }
        if biased >= 0x7FF { return .infinity }
        return r * Double(bitPattern: UInt64(biased) << 52)
    }

    static func sinh(_ value: Double) -> Double {
        let x = value.magnitude
        var result: Double
        if x > 21 {
            result = exp(x) / 2
        } else if x > 0.5 {
            result = (exp(x) - exp(-x)) / 2
        } else {
            let p0 = -0.630_767_364_049_771_699_118_478_725_1e+6
            let p1 = -0.899_127_202_203_950_935_539_801_351_1e+5
            let p2 = -0.289_421_135_598_956_380_728_466_036_6e+4
            let p3 = -0.263_056_321_339_749_706_281_948_9e+2
            let q0 = -0.630_767_364_049_771_699_121_207_727_7e+6
            let q1 = 0.152_151_737_879_001_907_069_648_517_6e+5
            let q2 = -0.173_678_953_558_233_699_533_450_911e+3
            let square = x * x
            result = (((p3 * square + p2) * square + p1) * square + p0) * x
            result = result / (((square + q2) * square + q1) * square + q0)
        }
        return value < 0 ? -result : result
    }

    static func cosh(_ value: Double) -> Double {
        let x = value.magnitude
        if x > 21 { return exp(x) / 2 }
        return (exp(x) + exp(-x)) / 2
    }

    static func tanh(_ x: Double) -> Double {
        let magnitude = x.magnitude
        if magnitude > 0.5 * 8.802_969_193_111_305_429_598_8e+01 { return x < 0 ? -1 : 1 }
        if magnitude >= 0.625 {
            let s = exp(2 * magnitude)
            let result = 1 - 2 / (s + 1)
            return x < 0 ? -result : result
        }
        if x == 0 { return x }
        let p0 = -9.643_991_794_250_522_386_28e-1
        let p1 = -9.928_772_310_019_185_865_64e1
        let p2 = -1.614_687_684_417_084_479_52e3
        let q0 = 1.128_116_784_916_329_314_02e2
        let q1 = 2.235_488_390_601_004_485_83e3
        let q2 = 4.844_063_053_251_254_860_48e3
        let s = x * x
        return x + x * s * ((p0 * s + p1) * s + p2) / (((s + q0) * s + q1) * s + q2)
    }

    static func asinh(_ value: Double) -> Double {
        if value.isNaN || value.isInfinite { return value }
        let x = value.magnitude
        var result: Double
        if x > Double(1 << 28) {
            result = ln(x) + ln2
        } else if x > 2 {
            result = ln(2 * x + 1 / ((x * x + 1).squareRoot() + x))
        } else if x < 1.0 / Double(1 << 28) {
            result = x
        } else {
            result = log1p(x + x * x / (1 + (1 + x * x).squareRoot()))
        }
        return value < 0 ? -result : result
    }

    static func acosh(_ x: Double) -> Double {
        if x < 1 || x.isNaN { return .nan }
        if x == 1 { return 0 }
        if x >= Double(1 << 28) { return ln(x) + ln2 }
        if x > 2 { return ln(2 * x - 1 / (x + (x * x - 1).squareRoot())) }
        let t = x - 1
        return log1p(t + (2 * t + t * t).squareRoot())
    }

    static func atanh(_ value: Double) -> Double {
        if value < -1 || value > 1 || value.isNaN { return .nan }
        if value == 1 { return .infinity }
        if value == -1 { return -.infinity }
        let x = value.magnitude
        var result: Double
        if x < 1.0 / Double(1 << 28) {
            result = x
        } else if x < 0.5 {
            result = x + x
            result = 0.5 * log1p(result + result * x / (1 - x))
        } else {
            result = 0.5 * log1p((x + x) / (1 - x))
        }
        return value < 0 ? -result : result
    }

    /// The trigonometric and hyperbolic functions by PromQL name.
    static func trigonometric(_ name: String) -> ((Double) -> Double)? {
        switch name {
        case "sin": return GoTrigonometry.sin
        case "cos": return GoTrigonometry.cos
        case "tan": return GoTrigonometry.tan
        case "asin": return GoTrigonometry.asin
        case "acos": return GoTrigonometry.acos
        case "atan": return GoTrigonometry.atan
        case "sinh": return sinh
        case "cosh": return cosh
        case "tanh": return tanh
        case "asinh": return asinh
        case "acosh": return acosh
        case "atanh": return atanh
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
