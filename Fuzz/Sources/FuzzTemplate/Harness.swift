import FuzzDriver
import PromQL
import Rules
import TimeSeries

/// Any annotation template: parsing and expanding may fail, never crash (queries answer one sample).
func fuzz(_ input: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: input, as: UTF8.self)
    guard let template = try? AlertTemplate(text, name: "__alert_Fuzz") else { return }
    let data = TemplateData(
        labels: Labels([Label("alertname", "Fuzz"), Label("instance", "host:9090"), Label("job", "api")]),
        value: 12345.678, externalLabels: Labels([Label("cluster", "a")]), externalURL: "http://vigil:9095",
        evaluationTime: 1_700_000_000_000)
    _ = try? template.expand(data) { _ in
        [VectorSample(labels: Labels([Label("job", "api")]), timestamp: 1_700_000_000_000, value: 1)]
    }
}

@_cdecl("FuzzTemplate_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
