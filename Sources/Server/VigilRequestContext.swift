import Hummingbird
import NIOCore

/// The request context of every Vigil route: Hummingbird's core storage plus Vigil's body limit.
///
/// Request bodies (acknowledgements, silences, schedules) are small; refusing anything over
/// 1 MiB keeps a misbehaving client from holding the daemon's memory.
public struct VigilRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's address: acknowledgements record where they came from.
    public let remoteAddress: SocketAddress?
    /// The web user (of `web.basic_auth_users`) the request proved, set by the security
    /// middleware: the actor of what a page's form does.
    public var webUser: String?

    /// The largest request body any route accepts.
    public static let maxBodyBytes = 1 << 20

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    public var maxUploadSize: Int { Self.maxBodyBytes }
}
