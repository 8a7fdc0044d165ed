import FuzzDriver
import TimeSeries

/// Any scrape body: parsing may fail, never crash.
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var parser = ExpositionParser()
    _ = try? parser.parse(Array(UnsafeBufferPointer(start: data, count: size)), defaultTimestamp: 1_700_000_000_000)
    return 0
}

/// libFuzzer's own name for the function under test (its runtime refers to it).
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzz(data, size)
}

@_cdecl("FuzzExposition_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
