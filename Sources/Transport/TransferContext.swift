/// Everything libcurl's C callbacks need while one transfer runs: the collected response and the
/// reasons to stop early.
///
/// Why a class: C callbacks cannot capture Swift state, so the context travels to them as an opaque
/// pointer (`Unmanaged.passUnretained`) and the transfer keeps it alive with `withExtendedLifetime`.
/// It lives and is touched only on the transfer thread, so it is deliberately not `Sendable`; only
/// the `CancellationFlag` inside it is shared.
final class TransferContext {
    let maxResponseBytes: Int
    let cancellation: CancellationFlag
    var body: [UInt8] = []
    var headerParser = ResponseHeaderParser()
    /// Set when the body would have grown past `maxResponseBytes` and the transfer was stopped.
    var exceededLimit = false
    /// What an upload (an SMTP message) sends, and how much of it has been handed to libcurl.
    var upload: [UInt8] = []
    var uploadOffset = 0

    init(maxResponseBytes: Int, cancellation: CancellationFlag) {
        self.maxResponseBytes = maxResponseBytes
        self.cancellation = cancellation
    }

    var opaque: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> TransferContext? {
        guard let pointer else { return nil }
        return Unmanaged<TransferContext>.fromOpaque(pointer).takeUnretainedValue()
    }
}
