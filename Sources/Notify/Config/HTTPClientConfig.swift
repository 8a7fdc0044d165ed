import Foundation
import Transport

/// Alertmanager's (and Prometheus') `http_config`: how a gateway is authenticated and reached.
/// Secrets may live in files (`*_file`), read at each delivery so a rotated credential is used
/// without a reload.
public struct HTTPClientConfig: Sendable, Equatable {
    /// `basic_auth`: username and password (or password file).
    public var basicAuth: (username: String, password: String?, passwordFile: String?)?
    /// `authorization` (type, default Bearer) or the legacy `bearer_token` / `bearer_token_file`.
    public var authorization: (type: String, credentials: String?, credentialsFile: String?)?
    public var tls: TLSOptions
    public var proxyURL: String?

    public init(
        basicAuth: (username: String, password: String?, passwordFile: String?)? = nil,
        authorization: (type: String, credentials: String?, credentialsFile: String?)? = nil,
        tls: TLSOptions = TLSOptions(), proxyURL: String? = nil
    ) {
        self.basicAuth = basicAuth
        self.authorization = authorization
        self.tls = tls
        self.proxyURL = proxyURL
    }

    /// The `Authorization` header this configuration sends, if any.
    public func authorizationHeaders() -> [(name: String, value: String)] {
        if let basic = basicAuth {
            let password = basic.password ?? basic.passwordFile.flatMap(Self.read) ?? ""
            let token = Data("\(basic.username):\(password)".utf8).base64EncodedString()
            return [("Authorization", "Basic \(token)")]
        }
        if let authorization {
            let credentials = authorization.credentials ?? authorization.credentialsFile.flatMap(Self.read) ?? ""
            return [("Authorization", "\(authorization.type) \(credentials)")]
        }
        return []
    }

    /// A secret kept in a file: its text without surrounding whitespace; nil when unreadable.
    static func read(_ path: String) -> String? {
        (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static func == (lhs: HTTPClientConfig, rhs: HTTPClientConfig) -> Bool {
        lhs.basicAuth?.username == rhs.basicAuth?.username && lhs.basicAuth?.password == rhs.basicAuth?.password
            && lhs.basicAuth?.passwordFile == rhs.basicAuth?.passwordFile
            && lhs.authorization?.type == rhs.authorization?.type
            && lhs.authorization?.credentials == rhs.authorization?.credentials
            && lhs.authorization?.credentialsFile == rhs.authorization?.credentialsFile && lhs.tls == rhs.tls
            && lhs.proxyURL == rhs.proxyURL
    }
}
