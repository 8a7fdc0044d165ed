import Testing
import TimeSeries

@Suite struct SampleValueTextTests {
    // Expected strings are Go's strconv.FormatFloat(v, 'f', -1, 64), as Prometheus' API prints them.
    @Test(arguments: [
        (1.0, "1"), (0.0, "0"), (-0.0, "-0"), (100.0, "100"), (0.1, "0.1"), (123.456, "123.456"),
        (1e-7, "0.0000001"), (1e16, "10000000000000000"), (1.5e20, "150000000000000000000"),
        (-2.5, "-2.5"), (0.001, "0.001"), (1e21, "1000000000000000000000"), (12345678.9, "12345678.9"),
    ])
    func writesShortestFixedNotation(value: Double, expected: String) {
        #expect(SampleValueText.value(value) == expected)
    }

    @Test func spellsSpecialsAsPrometheus() {
        #expect(SampleValueText.value(.nan) == "NaN")
        #expect(SampleValueText.value(.infinity) == "+Inf")
        #expect(SampleValueText.value(-.infinity) == "-Inf")
    }

    @Test func writesTimestampsAsSecondsWithMillisecondsOnlyWhenPresent() {
        #expect(SampleValueText.timestamp(1_435_781_451_781) == "1435781451.781")
        #expect(SampleValueText.timestamp(1_435_781_451_780) == "1435781451.780")
        #expect(SampleValueText.timestamp(1_435_781_451_005) == "1435781451.005")
        #expect(SampleValueText.timestamp(12_000) == "12")
        #expect(SampleValueText.timestamp(-1_500) == "-1.500")
    }
}
