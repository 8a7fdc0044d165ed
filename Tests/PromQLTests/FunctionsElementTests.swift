import Testing

@testable import PromQL

private func apply(_ name: String, _ value: Double, _ scalars: [Double] = []) -> Double? {
    ElementFunctions.apply(name, value: value, scalars: scalars)
}

@Suite struct FunctionsElementTests {
    @Test func handlesEveryElementWiseFunctionAndNothingElse() {
        let names = """
            abs ceil exp floor ln log10 log2 sgn sqrt deg rad sin cos tan asin acos atan sinh cosh tanh asinh acosh \
            atanh clamp clamp_min clamp_max round day_of_month day_of_week day_of_year days_in_month hour minute \
            month year
            """.split(separator: " ")
        for name in names {
            #expect(ElementFunctions.handles(String(name)), "\(name)")
        }
        #expect(!ElementFunctions.handles("rate"))
        #expect(!ElementFunctions.handles("sort"))
        #expect(apply("rate", 1) == nil)
    }

    // PROMQL-NOTES: round rounds half up, round(-2.5) = -2, round(-0.5) = 0; ceil(-0.5) = -0.
    @Test func roundingFollowsPrometheus() throws {
        #expect(apply("round", -2.5) == -2)
        #expect(apply("round", 2.5) == 3)
        let minusHalf = try #require(apply("round", -0.5))
        #expect(minusHalf == 0 && minusHalf.sign == .plus)
        let ceiling = try #require(apply("ceil", -0.5))
        #expect(ceiling == 0 && ceiling.sign == .minus)
        #expect(apply("floor", -0.5) == -1)
        // To the nearest 2: 3/2 + 0.5 = 2 → 4 (ties up); promtool: round(vector(5.55), 0.1) = 5.6.
        #expect(apply("round", 3, [2]) == 4)
        #expect(apply("round", 5.55, [0.1]) == 5.6)
    }

    @Test func clampBoundsAndDropsWhenMinExceedsMax() {
        #expect(apply("clamp", 5, [0, 3]) == 3)
        #expect(apply("clamp", -1, [0, 3]) == 0)
        #expect(apply("clamp", 2, [0, 3]) == 2)
        #expect(apply("clamp", 2, [3, 0]) == nil)
        #expect(apply("clamp", .nan, [0, 3])?.isNaN == true)
        #expect(apply("clamp_min", 1, [2]) == 2)
        #expect(apply("clamp_max", 1, [0]) == 0)
        // promtool: clamp_max(vector(NaN), 3) = NaN, clamp_min(vector(NaN), Inf) = +Inf (Go's Max).
        #expect(apply("clamp_max", .nan, [3])?.isNaN == true)
        #expect(apply("clamp_min", .nan, [.infinity]) == .infinity)
    }

    @Test func signKeepsZeroAndNaN() throws {
        #expect(apply("sgn", -5) == -1)
        #expect(apply("sgn", 0.25) == 1)
        let negativeZero = try #require(apply("sgn", -0.0))
        #expect(negativeZero == 0 && negativeZero.sign == .minus)
        #expect(apply("sgn", .nan)?.isNaN == true)
        #expect(apply("abs", -3) == 3)
    }

    // Values from Prometheus' functions.test and from promtool 2.42 on amd64 (log10(1000) = 3,
    // log2(0.1), log2(10), ln(0.625), deg(1), rad(33)); functions.test's log2(10) = 3.3219280948873626
    // is another platform's last digit (its harness allows 1e-6).
    @Test func logarithmsAndAnglesMatchGo() {
        #expect(apply("log10", 1000) == 3)
        #expect(apply("log10", 10) == 1)
        #expect(apply("log10", 20) == 1.301029995663981)
        #expect(apply("log2", 8) == 3)
        #expect(apply("log2", 10) == 3.321928094887362)
        #expect(apply("ln", 0.625) == -4.700036292457356e-01)
        #expect(apply("log2", 0.1) == -3.321928094887362)
        #expect(apply("log2", 0) == -.infinity)
        #expect(apply("log2", -1)?.isNaN == true)
        #expect(apply("ln", 0) == -.infinity)
        #expect(apply("ln", 10) == 2.302585092994046)
        #expect(apply("exp", 10) == 22026.465794806718)
        #expect(apply("sqrt", 10) == 3.1622776601683795)
        #expect(apply("deg", 1) == 57.29577951308232)
        #expect(apply("rad", 33) == 0.5759586531581288)
        #expect(apply("deg", Double.pi) == 180)
    }

    // trig_functions.test's expectations for 10 (Go's Cephes sine is one ulp from the C library's),
    // and promtool 2.42 for the rest.
    @Test func trigonometry() {
        #expect(apply("sin", 10) == -0.5440211108893699)
        #expect(apply("cos", 10) == -0.8390715290764524)
        #expect(apply("tan", 10) == 0.6483608274590867)
        #expect(apply("atan", 10) == 1.4711276743037345)
        #expect(apply("sinh", 20) == 2.4258259770489514e+08)
        #expect(apply("tanh", 10) == 0.9999999958776927)
        #expect(apply("asinh", 10) == 2.99822295029797)
        #expect(apply("acosh", 10) == 2.993222846126381)
        #expect(apply("asin", -0.1) == -1.001674211615598e-01)
        #expect(apply("acos", -0.1) == 1.6709637479564563)
        #expect(apply("cos", 3) == -9.899924966004454e-01)
        #expect(apply("sin", 1e10) == -4.8750602508751073e-01)
        #expect(apply("atanh", 0.5) == 5.493061443340548e-01)
        #expect(apply("exp", -9.5) == 7.485182988770058e-05)
        #expect(apply("cosh", 0.7) == 1.255169005630943)
        #expect(apply("tanh", 0.3) == 2.913126124515909e-01)
        #expect(apply("asinh", 0.3) == 2.9567304756342244e-01)
        #expect(apply("acosh", 1.5) == 9.624236501192069e-01)
        #expect(apply("sinh", 0.4) == 4.1075232580281557e-01)
        #expect(apply("asin", 2)?.isNaN == true)
        #expect(apply("atanh", .nan)?.isNaN == true)
    }

    // functions.test: 1136239445 is Monday 2006-01-02 22:04:05 UTC.
    @Test func calendarFieldsInUTC() {
        let time = 1_136_239_445.0
        #expect(apply("year", time) == 2006)
        #expect(apply("month", time) == 1)
        #expect(apply("day_of_month", time) == 2)
        #expect(apply("day_of_year", time) == 2)
        #expect(apply("day_of_week", time) == 1)
        #expect(apply("hour", time) == 22)
        #expect(apply("minute", time) == 4)
        // Leap years: 2016-02-29 23:59:59, 2016-12-31 (day 366), February 2016 and 2017.
        #expect(apply("month", 1_456_790_399) == 2)
        #expect(apply("day_of_month", 1_456_790_399) == 29)
        #expect(apply("day_of_year", 1_483_191_420) == 366)
        #expect(apply("days_in_month", 1_454_284_800) == 29)
        #expect(apply("days_in_month", 1_485_907_200) == 28)
        // Epoch is Thursday 1970-01-01; fractions are truncated.
        #expect(apply("day_of_week", 0) == 4)
        #expect(apply("minute", 119.9) == 1)
    }

    // One second before the epoch is Wednesday 1969-12-31 23:59:59 (promtool: day_of_week 3).
    @Test func calendarBeforeTheEpoch() {
        #expect(apply("year", -1) == 1969)
        #expect(apply("month", -1) == 12)
        #expect(apply("day_of_month", -1) == 31)
        #expect(apply("hour", -1) == 23)
        #expect(apply("minute", -1) == 59)
        #expect(apply("day_of_week", -1) == 3)
        // promtool: month(vector(-1e12)) = 4 (the year -29719).
        #expect(apply("month", -1e12) == 4)
    }

    // promtool 2.42 on NaN (Go converts it to the smallest int64): year 292277026596, month 12,
    // day 4, day of year 339, 31 days, 15:30, Sunday; 1e30 lands on the same date.
    @Test func calendarOfNaNIsGosDate() {
        #expect(apply("year", .nan) == 292_277_026_596)
        #expect(apply("month", .nan) == 12)
        #expect(apply("day_of_month", .nan) == 4)
        #expect(apply("day_of_year", .nan) == 339)
        #expect(apply("days_in_month", .nan) == 31)
        #expect(apply("hour", .nan) == 15)
        #expect(apply("minute", .nan) == 30)
        #expect(apply("day_of_week", .nan) == 0)
        #expect(apply("year", 1e30) == 292_277_026_596)
    }

    // promtool 2.42 (amd64, FMA): Go's own exp, log1p-based inverse hyperbolics and Payne–Hanek
    // reduction for huge angles, bit for bit.
    @Test func transcendentalsMatchPromtoolBitForBit() {
        let expected: [(String, Double, Double)] = [
            ("exp", -709, 1.216780750623423e-308), ("exp", -745, .leastNonzeroMagnitude),
            ("exp", -708.5, 2.006132305331306e-308),
            ("exp", 709.5, .infinity), ("exp", 0.3, 1.3498588075760032), ("exp", -(Double("1e-320") ?? 0), 1),
            ("exp", 1.5, 4.481689070338065), ("exp", -0.0001, 9.999000049998333e-01), ("exp", 20, 485165195.4097903),
            ("sinh", 30, 5.34323729076223e+12), ("cosh", -2, 3.7621956910836314), ("tanh", 0.7, 6.043677771171635e-01),
            ("tanh", -0.2, -1.97375320224904e-01), ("asinh", -5e8, -2.072326583694641e+01),
            ("acosh", 3e8, 2.0212440213180418e+01), ("atanh", -0.2, -2.027325540540822e-01), ("atanh", 1, .infinity),
            ("cos", 1e300, -5.753861119575491e-01), ("tan", 123_456_789_012, 8.179647247388327e-02),
            ("asinh", 0.9, 8.088669356527824e-01), ("asinh", 2.5, 1.6472311463710958),
            ("acosh", 2.5, 1.566799236972411), ("ln", 20, 2.995732273553991),
        ]
        for (name, argument, result) in expected {
            #expect(apply(name, argument) == result, "\(name)(\(argument))")
        }
    }
}
