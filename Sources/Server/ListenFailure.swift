import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the server could not start listening, in words an operator can act on.
///
/// SwiftNIO reports a busy port as `bind(descriptor:ptr:bytes:): Address already in use (errno: 98)`;
/// the person who typed `make run` twice needs to hear which address and what to do instead.
public struct ListenFailure: Error, Sendable, CustomStringConvertible {
    public let address: ListenAddress
    public let reason: String

    /// Recognises a bind failure among the errors the server's start can throw.
    public init?(_ error: any Error, address: ListenAddress) {
        guard let error = error as? IOError else { return nil }
        self.address = address
        switch error.errnoCode {
        case EADDRINUSE:
            reason = "the address is already in use (is another vigil running? choose another with --listen)"
        case EACCES:
            reason = "permission denied (ports below 1024 need privileges; choose another with --listen)"
        case EADDRNOTAVAIL:
            reason = "no network interface has this address"
        default:
            reason = "\(error)"
        }
    }

    public var description: String {
        "cannot listen on \(address): \(reason)"
    }
}
