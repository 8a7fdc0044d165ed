import FuzzDriver
import TimeSeries

/// Any scrape body: parsing may fail, never crash.
func fuzz(_ input: UnsafeBufferPointer<UInt8>) {
    var parser = ExpositionParser()
    _ = try? parser.parse(Array(input), defaultTimestamp: 1_700_000_000_000)
}

@_cdecl("FuzzExposition_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
