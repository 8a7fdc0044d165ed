import FuzzDriver
import PromQL

/// Any text: parsing may fail, never crash; what parses prints, and the printed text parses back to
/// the same text (Prometheus' String() round trip).
func fuzz(_ input: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: input, as: UTF8.self)
    guard let expression = try? PromQLParser.parse(text) else { return }
    let printed = expression.description
    guard let again = try? PromQLParser.parse(printed) else {
        fatalError("printed expression does not parse: \(printed) (from \(text))")
    }
    if again.description != printed {
        fatalError("printing is not stable: \(printed) -> \(again.description)")
    }
}

@_cdecl("FuzzPromQL_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
