import Crypto
import Foundation
import HummingbirdBcrypt
import Synchronization

/// The protection in force, shared by the server's middleware and the daemon, which replaces it on
/// reload (new users and headers apply to the next request, a new certificate to the next handshake).
///
/// Checking a bcrypt hash costs tens of milliseconds by design; a client sending the same right
/// password on every scrape would pay it every time. Passwords already proved right are remembered
/// (as SHA-256 digests of user, password and hash, never in clear) until the users change, as the
/// exporter toolkit's cache does.
public final class WebSecurityState: Sendable {
    private let state: Mutex<WebSecurity>
    private let proved = Mutex<Set<SHA256.Digest>>([])
    static let provedLimit = 1024

    public init(_ security: WebSecurity = WebSecurity()) {
        state = Mutex(security)
    }

    public var current: WebSecurity { state.withLock { $0 } }

    public func update(_ security: WebSecurity) {
        let usersChanged = state.withLock { current in
            defer { current = security }
            return current.basicAuthUsers != security.basicAuthUsers
        }
        if usersChanged { proved.withLock { $0.removeAll() } }
    }

    /// Whether `header` (`Authorization: Basic …`) names a configured user with the right password.
    public func authorizesBasic(_ header: String?) -> Bool {
        basicUser(header) != nil
    }

    /// The configured user `header` (`Authorization: Basic …`) proves, with the right password; nil
    /// otherwise.
    public func basicUser(_ header: String?) -> String? {
        guard let header, header.count > 6, header.prefix(6).lowercased() == "basic " else { return nil }
        guard let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        let user = String(text[..<colon])
        let password = String(text[text.index(after: colon)...])
        guard let hash = state.withLock({ $0.basicAuthUsers[user] }) else { return nil }
        let digest = SHA256.hash(data: Data("\(user)\u{0}\(password)\u{0}\(hash)".utf8))
        if proved.withLock({ $0.contains(digest) }) { return user }
        guard Bcrypt.verify(password, hash: hash) else { return nil }
        proved.withLock { set in
            if set.count >= Self.provedLimit { set.removeAll() }
            set.insert(digest)
        }
        return user
    }
}
