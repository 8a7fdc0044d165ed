import FuzzDriver
import VigilDaemon

/// Any `vigil.yml`: reading may fail with positioned errors, never crash.
func fuzz(_ input: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: input, as: UTF8.self)
    _ = try? ConfigLoader.parse(yaml: text, path: "/nonexistent/etc/vigil.yml")
}

@_cdecl("FuzzConfig_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
