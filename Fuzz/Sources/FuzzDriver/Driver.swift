/// libFuzzer's driver entry (`int LLVMFuzzerRunDriver(int *, char ***, int (*)(const uint8_t *, size_t))`);
/// its arguments are pointers and the result an int, which Swift's and C's conventions pass alike here.
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

/// The harness's function under test, set once by ``runFuzzer(_:_:_:)`` before libFuzzer starts.
nonisolated(unsafe) private var functionUnderTest: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }

/// libFuzzer's own name for the function under test; its runtime refers to it.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    functionUnderTest(UnsafeBufferPointer(start: data, count: size))
    return 0
}

/// Runs libFuzzer with `test` as the function under test.
///
/// Why this instead of libFuzzer's own `main`: SwiftPM links an executable target's entry point as
/// `<target>_main` and points `main` at it, so each harness defines that symbol and starts libFuzzer's
/// driver from it.
public func runFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ test: @escaping (UnsafeBufferPointer<UInt8>) -> Void
) -> Int32 {
    functionUnderTest = test
    var argc = argc
    var argv = argv
    return llvmFuzzerRunDriver(&argc, &argv) { data, size in
        functionUnderTest(UnsafeBufferPointer(start: data, count: size))
        return 0
    }
}
