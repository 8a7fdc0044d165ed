import FuzzDriver
import Schedule

/// Any schedule document: loading may fail with located problems, never crash.
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? ScheduleLoader.parse(bytes: Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.json")
    return 0
}

/// libFuzzer's own name for the function under test (its runtime refers to it).
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzz(data, size)
}

@_cdecl("FuzzSchedule_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
