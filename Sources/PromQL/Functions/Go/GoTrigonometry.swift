/// Go's circular functions (Cephes' algorithms with Cody–Waite reduction by π/4), which are not
/// always correctly rounded: `sin(10)` is -0.5440211108893699 in Prometheus, one ulp from the C
/// library's. Arguments of 2^29 and more are reduced as Go does, by Payne–Hanek with 4/π to 1217 bits.
enum GoTrigonometry {
    private static let reduceThreshold = Double(1 << 29)
    private static let fourOverPi = 1.273_239_544_735_162_8
    private static let piOver2 = Double.pi / 2
    private static let piOver4 = Double.pi / 4
    // π/4 in three parts whose products with small integers are exact.
    private static let pi4A = 7.853_981_256_484_985_351_56e-1
    private static let pi4B = 3.774_894_707_930_798_176_68e-8
    private static let pi4C = 2.695_151_429_079_059_526_45e-15

    private static let sinCoefficients = [
        1.589_623_015_765_465_680_60e-10, -2.505_074_776_285_780_728_66e-8, 2.755_731_362_138_572_452_13e-6,
        -1.984_126_982_958_953_859_96e-4, 8.333_333_333_322_118_588_78e-3, -1.666_666_666_666_663_072_95e-1,
    ]
    private static let cosCoefficients = [
        -1.135_853_652_138_768_173_00e-11, 2.087_570_084_197_473_167_78e-9, -2.755_731_417_929_673_881_12e-7,
        2.480_158_728_885_170_453_48e-5, -1.388_888_888_887_305_641_16e-3, 4.166_666_666_666_659_292_18e-2,
    ]
    private static let tanP = [
        -1.309_369_391_813_837_776_46e4, 1.153_516_648_385_874_161_40e6, -1.795_652_519_764_848_779_88e7,
    ]
    private static let tanQ = [
        1.0, 1.368_129_634_706_929_546_78e4, -1.320_892_344_402_109_674_47e6, 2.500_838_018_233_579_158_39e7,
        -5.386_957_559_294_546_298_81e7,
    ]

    /// The octant (made even) and the reduced argument of a non-negative `x`.
    private static func reduce(_ x: Double) -> (octant: UInt64, z: Double) {
        if x >= reduceThreshold { return payneHanek(x) }
        var octant = UInt64(x * fourOverPi)
        var y = Double(octant)
        if octant & 1 == 1 {
            octant += 1
            y += 1
        }
        return (octant, ((x - y * pi4A) - y * pi4B) - y * pi4C)
    }

    private static func sinPolynomial(_ z: Double, _ zz: Double) -> Double {
        let c = sinCoefficients
        return z + z * zz * ((((((c[0] * zz) + c[1]) * zz + c[2]) * zz + c[3]) * zz + c[4]) * zz + c[5])
    }

    private static func cosPolynomial(_ zz: Double) -> Double {
        let c = cosCoefficients
        return 1.0 - 0.5 * zz + zz * zz * ((((((c[0] * zz) + c[1]) * zz + c[2]) * zz + c[3]) * zz + c[4]) * zz + c[5])
    }

    static func sin(_ value: Double) -> Double {
        if value == 0 || value.isNaN { return value }
        if value.isInfinite { return .nan }
        var negative = value < 0
        let x = value.magnitude
        var (octant, z) = reduce(x)
        octant &= 7
        if octant > 3 {
            negative.toggle()
            octant -= 4
        }
        let zz = z * z
        let y = octant == 1 || octant == 2 ? cosPolynomial(zz) : sinPolynomial(z, zz)
        return negative ? -y : y
    }

    static func cos(_ value: Double) -> Double {
        if value.isNaN || value.isInfinite { return .nan }
        let x = value.magnitude
        var negative = false
        var (octant, z) = reduce(x)
        octant &= 7
        if octant > 3 {
            octant -= 4
            negative.toggle()
        }
        if octant > 1 { negative.toggle() }
        let zz = z * z
        let y = octant == 1 || octant == 2 ? sinPolynomial(z, zz) : cosPolynomial(zz)
        return negative ? -y : y
    }

    static func tan(_ value: Double) -> Double {
        if value == 0 || value.isNaN { return value }
        if value.isInfinite { return .nan }
        let x = value.magnitude
        let (octant, z) = reduce(x)
        let zz = z * z
        var y = z
        if zz > 1e-14 {
            let numerator = zz * (((tanP[0] * zz) + tanP[1]) * zz + tanP[2])
            let denominator = (((zz + tanQ[1]) * zz + tanQ[2]) * zz + tanQ[3]) * zz + tanQ[4]
            y = z + z * (numerator / denominator)
        }
        if octant & 2 == 2 { y = -1 / y }
        return value < 0 ? -y : y
    }

    /// Cephes' rational approximation of atan on [0, 0.66].
    private static func seriesAtan(_ x: Double) -> Double {
        let p0 = -8.750_608_600_031_904_122_785e-01
        let p1 = -1.615_753_718_733_365_076_637e+01
        let p2 = -7.500_855_792_314_704_667_340e+01
        let p3 = -1.228_866_684_490_136_173_410e+02
        let p4 = -6.485_021_904_942_025_371_773e+01
        let q0 = 2.485_846_490_142_306_297_962e+01
        let q1 = 1.650_270_098_316_988_542_046e+02
        let q2 = 4.328_810_604_912_902_668_951e+02
        let q3 = 4.853_903_996_359_136_964_868e+02
        let q4 = 1.945_506_571_482_613_964_425e+02
        var z = x * x
        z = z * ((((p0 * z + p1) * z + p2) * z + p3) * z + p4) / (((((z + q0) * z + q1) * z + q2) * z + q3) * z + q4)
        return x * z + x
    }

    /// atan of a positive argument, reduced to [0, 0.66].
    private static func positiveAtan(_ x: Double) -> Double {
        let moreBits = 6.123_233_995_736_765_886_130e-17  // π/2 = piOver2 + moreBits
        let tan3PiOver8 = 2.414_213_562_373_095_048_80
        if x <= 0.66 { return seriesAtan(x) }
        if x > tan3PiOver8 { return piOver2 - seriesAtan(1 / x) + moreBits }
        return piOver4 + seriesAtan((x - 1) / (x + 1)) + 0.5 * moreBits
    }

    static func atan(_ x: Double) -> Double {
        if x == 0 { return x }
        return x > 0 ? positiveAtan(x) : -positiveAtan(-x)
    }

    static func asin(_ value: Double) -> Double {
        if value == 0 { return value }
        let x = value.magnitude
        if x > 1 { return .nan }
        var result = (1 - x * x).squareRoot()
        if x > 0.7 {
            result = piOver2 - positiveAtan(result / x)
        } else {
            result = positiveAtan(x / result)
        }
        return value < 0 ? -result : result
    }

    static func acos(_ x: Double) -> Double { piOver2 - asin(x) }

    /// The binary digits of 4/π: 4/π = Σ digits[i]·2^(-64·i).
    private static let fourOverPiDigits: [UInt64] = [
        0x0000_0000_0000_0001, 0x45F3_06DC_9C88_2A53, 0xF84E_AFA3_EA69_BB81, 0xB6C5_2B32_7887_2083,
        0xFCA2_C757_BD77_8AC3, 0x6E48_DC74_849B_A5C0, 0x0C92_5DD4_13A3_2439, 0xFC3B_D639_6253_4E7D,
        0xD104_6BEA_5D76_8909, 0xD338_E04D_68BE_FC82, 0x7323_AC73_06A6_73E9, 0x3908_BF17_7BF2_5076,
        0x3FF1_2FFF_BC0B_301F, 0xDE5E_2316_B414_DA3E, 0xDA6C_FD9E_4F96_136E, 0x9E8C_7ECD_3CBF_D45A,
        0xEA4F_758F_D7CB_E2F6, 0x7A0E_73EF_14A5_25D4, 0xD7F6_BF62_3F1A_BA10, 0xAC06_608D_F8F6_D757,
    ]

    /// Payne–Hanek reduction (Go's `trigReduce`): x·4/π with the three 64-bit digits of 4/π that
    /// matter for x's exponent; the top three bits are the octant, the rest the fraction.
    private static func payneHanek(_ x: Double) -> (octant: UInt64, z: Double) {
        if x < piOver4 { return (0, x) }
        var mantissa = x.bitPattern
        let exponent = Int(mantissa >> 52 & 0x7FF) - 1023 - 52
        mantissa &= ~(UInt64(0x7FF) << 52)
        mantissa |= 1 << 52
        let digit = (exponent + 61) / 64
        let bitShift = UInt64((exponent + 61) % 64)
        let digits = fourOverPiDigits
        let z0 = shiftLeft(digits[digit], bitShift) | shiftRight(digits[digit + 1], 64 - bitShift)
        let z1 = shiftLeft(digits[digit + 1], bitShift) | shiftRight(digits[digit + 2], 64 - bitShift)
        let z2 = shiftLeft(digits[digit + 2], bitShift) | shiftRight(digits[digit + 3], 64 - bitShift)
        let z2High = z2.multipliedFullWidth(by: mantissa).high
        let z1Product = z1.multipliedFullWidth(by: mantissa)
        let z0Low = z0 &* mantissa
        let (low, carry) = z1Product.low.addingReportingOverflow(z2High)
        var high = z0Low &+ z1Product.high &+ (carry ? 1 : 0)
        var octant = high >> 61
        high = high << 3 | low >> 61
        let leadingZeros = UInt64(high.leadingZeroBitCount)
        let biasedExponent = UInt64(1023) &- (leadingZeros + 1)
        high = shiftLeft(high, leadingZeros + 1) | shiftRight(low, 64 &- (leadingZeros + 1))
        high >>= 64 - 52
        high |= biasedExponent << 52
        var z = Double(bitPattern: high)
        if octant & 1 == 1 {
            octant += 1
            octant &= 7
            z -= 1
        }
        return (octant, z * piOver4)
    }

    /// Go's shifts: by 64 or more (or a wrapped-around negative amount) the result is 0.
    private static func shiftLeft(_ value: UInt64, _ amount: UInt64) -> UInt64 { amount >= 64 ? 0 : value << amount }
    private static func shiftRight(_ value: UInt64, _ amount: UInt64) -> UInt64 { amount >= 64 ? 0 : value >> amount }
}
