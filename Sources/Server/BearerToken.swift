import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// The API token every write must carry as `Authorization: Bearer <token>`.
///
/// Compared through SHA-256 digests, whose equality is constant-time, so response timing does
/// not leak how much of a guessed token was right.
public struct BearerToken: Sendable {
    private let digest: SHA256.Digest

    public init(_ token: String) {
        digest = SHA256.hash(data: Data(token.utf8))
    }

    /// True when `header` is `Bearer <the token>`.
    public func authorizes(_ header: String?) -> Bool {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return false }
        let presented = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        return SHA256.hash(data: Data(presented.utf8)) == digest
    }

    /// Throws a 401 in the API envelope unless `request` carries the token.
    public func require(_ request: Request) throws(APIError) {
        guard authorizes(request.headers[.authorization]) else {
            throw APIError(
                .unauthorized, type: "unauthorized",
                "missing or wrong bearer token (send Authorization: Bearer <token>; see the daemon's log for where the token is kept)",
                headers: [.wwwAuthenticate: "Bearer realm=\"vigil\""])
        }
    }
}
