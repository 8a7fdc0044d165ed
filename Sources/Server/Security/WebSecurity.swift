import HummingbirdTLS
import NIOCore
import NIOSSL

/// How the HTTP surface is protected, as the exporter-toolkit web configuration Prometheus and
/// Alertmanager read (`--web.config.file`) describes it: TLS, basic-auth users with bcrypt
/// hashes, extra response headers.
///
/// Why a value with the certificates already loaded: the config loader reads and checks every
/// file when the configuration is read, so a bad certificate or hash on reload is an error that
/// keeps the running protection, never a server that half-applies it.
public struct WebSecurity: Sendable, Equatable {
    /// TLS for every connection; nil serves plain HTTP.
    public var tls: TLSServerSettings?
    /// User name → bcrypt hash. When not empty, every read needs one of them (or the API token).
    public var basicAuthUsers: [String: String]
    /// Headers added to every response (`http_server_config.headers`).
    public var headers: [String: String]

    public init(tls: TLSServerSettings? = nil, basicAuthUsers: [String: String] = [:], headers: [String: String] = [:])
    {
        self.tls = tls
        self.basicAuthUsers = basicAuthUsers
        self.headers = headers
    }

    /// Neither TLS nor users: what `vigil run` warns about when it listens beyond loopback.
    public var isOpen: Bool { tls == nil && basicAuthUsers.isEmpty }
}

/// `tls_server_config`, with its certificate, key and client CAs loaded.
public struct TLSServerSettings: Sendable, Equatable {
    /// Which client certificates the server asks for and how it checks them.
    public enum ClientAuth: String, Sendable, Equatable {
        /// `NoClientCert`: none asked for.
        case none = "NoClientCert"
        /// `RequestClientCert`: asked for, not required, not verified.
        case request = "RequestClientCert"
        /// `RequireAnyClientCert`: required, not verified.
        case requireAny = "RequireAnyClientCert"
        /// `VerifyClientCertIfGiven`: optional, verified against the client CAs when presented.
        case verifyIfGiven = "VerifyClientCertIfGiven"
        /// `RequireAndVerifyClientCert`: mutual TLS.
        case requireAndVerify = "RequireAndVerifyClientCert"
    }

    public var certificateChain: [NIOSSLCertificate]
    public var privateKey: NIOSSLPrivateKey
    public var clientAuth: ClientAuth
    /// CAs client certificates are verified against; empty means the system's roots.
    public var clientCAs: [NIOSSLCertificate]
    public var minVersion: TLSVersion
    public var maxVersion: TLSVersion
    /// TLS 1.2 cipher suites; empty keeps the library's defaults (TLS 1.3's are not configurable).
    public var cipherSuites: [NIOTLSCipher]
    /// Key-exchange curves in order of preference; empty keeps the defaults.
    public var curves: [NIOTLSCurve]

    public init(
        certificateChain: [NIOSSLCertificate], privateKey: NIOSSLPrivateKey, clientAuth: ClientAuth = .none,
        clientCAs: [NIOSSLCertificate] = [], minVersion: TLSVersion = .tlsv12, maxVersion: TLSVersion = .tlsv13,
        cipherSuites: [NIOTLSCipher] = [], curves: [NIOTLSCurve] = []
    ) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
        self.clientAuth = clientAuth
        self.clientCAs = clientCAs
        self.minVersion = minVersion
        self.maxVersion = maxVersion
        self.cipherSuites = cipherSuites
        self.curves = curves
    }

    /// The server configuration; `current` is asked for the certificate and key at every handshake,
    /// so a reload that replaces them takes effect on the next connection.
    func configuration(current: @escaping @Sendable () -> TLSServerSettings?) -> TLSChannelConfiguration {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: certificateChain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
        // A client that never answers close_notify (an idle pooled connection) must not hold up
        // shutdown for NIOSSL's default 5 s.
        configuration.shutdownTimeout = .seconds(1)
        configuration.minimumTLSVersion = minVersion
        configuration.maximumTLSVersion = maxVersion
        if !cipherSuites.isEmpty { configuration.cipherSuiteValues = cipherSuites }
        if !curves.isEmpty { configuration.curves = curves }
        switch clientAuth {
        case .none: configuration.certificateVerification = .none
        case .request, .verifyIfGiven: configuration.certificateVerification = .optionalVerification
        case .requireAny, .requireAndVerify: configuration.certificateVerification = .noHostnameVerification
        }
        if !clientCAs.isEmpty {
            configuration.trustRoots = .certificates(clientCAs)
        }
        configuration.sslContextCallback = { _, promise in
            guard let latest = current() else {
                promise.succeed(.noChanges)
                return
            }
            var override = NIOSSLContextConfigurationOverride()
            override.certificateChain = latest.certificateChain.map { .certificate($0) }
            override.privateKey = .privateKey(latest.privateKey)
            promise.succeed(override)
        }
        switch clientAuth {
        case .request, .requireAny:
            // Taken as presented, as Go's RequestClientCert and RequireAnyClientCert do.
            return TLSChannelConfiguration(tlsConfiguration: configuration) { _, promise in
                promise.succeed(.certificateVerified)
            }
        case .none, .verifyIfGiven, .requireAndVerify:
            return TLSChannelConfiguration(tlsConfiguration: configuration)
        }
    }
}
