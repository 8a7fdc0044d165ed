import Testing
import TimeSeries

@Suite struct LabelsTests {
    @Test func sortsByNameAndDropsEmptyValues() {
        let labels = Labels([Label("b", "2"), Label("a", "1"), Label("c", "")])
        #expect(labels.pairs == [Label("a", "1"), Label("b", "2")])
        #expect(labels["c"] == nil)
    }

    @Test func rendersNameOutsideBracesAndEscapesValues() {
        let labels = Labels(["__name__": "up", "job": "a\"b", "path": "x\\y"])
        #expect(labels.description == #"up{job="a\"b", path="x\\y"}"#)
        #expect(Labels(["__name__": "up"]).description == "up")
        #expect(Labels(["a": "1"]).description == #"{a="1"}"#)
    }

    @Test func settingKeepsOrderAndEmptyRemoves() {
        let labels = Labels(["a": "1", "c": "3"]).setting("b", to: "2")
        #expect(labels.pairs.map(\.name) == ["a", "b", "c"])
        #expect(labels.setting("a", to: "").pairs.map(\.name) == ["b", "c"])
    }
}
