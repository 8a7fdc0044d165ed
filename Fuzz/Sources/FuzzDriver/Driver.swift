/// libFuzzer's driver entry (`int LLVMFuzzerRunDriver(int *, char ***, int (*)(const uint8_t *, size_t))`);
/// its arguments are pointers and the result an int, which Swift's and C's conventions pass alike here.
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

/// Runs libFuzzer with `callback` as the function under test.
///
/// Why this instead of libFuzzer's own `main`: SwiftPM links an executable target's entry point as
/// `<target>_main` and points `main` at it, so each harness defines that symbol and starts libFuzzer's
/// driver from it (and still exports `LLVMFuzzerTestOneInput`, which the runtime refers to).
public func runFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32 {
    var argc = argc
    var argv = argv
    return llvmFuzzerRunDriver(&argc, &argv, callback)
}
