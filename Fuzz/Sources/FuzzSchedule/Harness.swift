import FuzzDriver
import Schedule

/// Any schedule document: loading may fail with located problems, never crash.
func fuzz(_ input: UnsafeBufferPointer<UInt8>) {
    _ = try? ScheduleLoader.parse(bytes: Array(input), file: "fuzz.json")
}

@_cdecl("FuzzSchedule_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
