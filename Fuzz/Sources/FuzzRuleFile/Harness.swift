import FuzzDriver
import Rules

/// Any rule file: reading may fail with positioned errors, never crash.
func fuzz(_ input: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: input, as: UTF8.self)
    _ = try? RuleFileParser.parse(text, file: "fuzz.yml")
}

@_cdecl("FuzzRuleFile_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
