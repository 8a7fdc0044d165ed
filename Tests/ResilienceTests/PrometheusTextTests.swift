import Resilience
import Testing

@Suite struct PrometheusTextTests {
    @Test func groupsSamplesUnderOneHelpAndType() {
        let text = PrometheusText.render([
            ResilienceSample(name: "a_total", labels: [("type", "x")], value: 2, kind: .counter, help: "A."),
            ResilienceSample(name: "b", value: 0.25, help: "B\nline"),
            ResilienceSample(name: "a_total", labels: [("type", "y\"q")], value: 3, kind: .counter, help: "A."),
        ])
        #expect(
            text == """
                # HELP a_total A.
                # TYPE a_total counter
                a_total{type="x"} 2
                a_total{type="y\\"q"} 3
                # HELP b B\\nline
                # TYPE b gauge
                b 0.25

                """)
    }

    @Test func formatsSpecialValuesAsPrometheusDoes() {
        #expect(PrometheusText.format(.nan) == "NaN")
        #expect(PrometheusText.format(.infinity) == "+Inf")
        #expect(PrometheusText.format(-.infinity) == "-Inf")
        #expect(PrometheusText.format(5) == "5")
        #expect(PrometheusText.format(0.1) == "0.1")
    }

    @Test func labelsAreSortedByName() {
        let sample = ResilienceSample(name: "m", labels: [("z", "1"), ("a", "2")], value: 1, help: "m")
        #expect(sample.labels.map(\.name) == ["a", "z"])
    }
}
