import FuzzDriver
import PromQL

/// Any text: parsing may fail, never crash; what parses prints, and the printed text parses back to
/// the same text (Prometheus' String() round trip).
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let expression = try? PromQLParser.parse(text) else { return 0 }
    let printed = expression.description
    guard let again = try? PromQLParser.parse(printed) else {
        fatalError("printed expression does not parse: \(printed) (from \(text))")
    }
    if again.description != printed {
        fatalError("printing is not stable: \(printed) -> \(again.description)")
    }
    return 0
}

/// libFuzzer's own name for the function under test (its runtime refers to it).
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzz(data, size)
}

@_cdecl("FuzzPromQL_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
