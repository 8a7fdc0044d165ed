import FuzzDriver
import Rules

/// Any rule file: reading may fail with positioned errors, never crash.
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? RuleFileParser.parse(text, file: "fuzz.yml")
    return 0
}

/// libFuzzer's own name for the function under test (its runtime refers to it).
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzz(data, size)
}

@_cdecl("FuzzRuleFile_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
