import Crypto
import Foundation
import Rules

/// The signed link in every notification (`/ack/<token>`): it names one group (or alert) and an
/// expiry, signed with a key derived from the webhook secret, so someone on a phone can acknowledge
/// with a tap and nobody can make or stretch a link for another group.
///
/// A group's link is compact, so it fits in a text message beside the alert: 32 base64url
/// characters holding the expiry (seconds), the first 8 bytes of the group key's SHA-256 and the
/// first 12 bytes of an HMAC-SHA256 over both. An alert's link is `<payload>.<signature>`, both
/// base64url: the payload `a:<expiry ms>:<fingerprint>`, the signature HMAC-SHA256 of it (links of
/// that form naming a group, `g:…`, are still taken).
public struct AckLink: Sendable, Equatable {
    public var target: AckTarget
    /// ms.
    public var expiresAt: Int64

    public init(target: AckTarget, expiresAt: Int64) {
        self.target = target
        self.expiresAt = expiresAt
    }

    /// Why a link is refused.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case invalid
        case expired(at: Int64)

        public var description: String {
            switch self {
            case .invalid: "This link is not valid: it was changed or cut short. Use the link in the notification."
            case .expired: "This link has expired. Use the link in a newer notification, or vigil ack."
            }
        }
    }

    /// The token for this link.
    public func token(secret: [UInt8]) -> String {
        let payload: String
        switch target {
        case .group(let key):
            return Self.compactToken(digest: Self.digest(ofGroupKey: key), expiresAt: expiresAt, secret: secret)
        case .groupDigest(let digest): return Self.compactToken(digest: digest, expiresAt: expiresAt, secret: secret)
        case .alert(let fingerprint): payload = "a:\(expiresAt):\(fingerprint)"
        }
        let bytes = Array(payload.utf8)
        return Self.base64URL(bytes) + "." + Self.base64URL(Self.signature(bytes, secret: secret))
    }

    /// The first 8 bytes of the group key's SHA-256, big-endian.
    public static func digest(ofGroupKey key: String) -> UInt64 {
        SHA256.hash(data: Array(key.utf8)).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    static func compactToken(digest: UInt64, expiresAt: Int64, secret: [UInt8]) -> String {
        // Whole seconds, rounded down: a link never outlives its expiry.
        let seconds = UInt32(clamping: expiresAt / 1000)
        var body: [UInt8] = (0..<4).map { UInt8(truncatingIfNeeded: seconds >> (24 - 8 * $0)) }
        body += (0..<8).map { UInt8(truncatingIfNeeded: digest >> (56 - 8 * $0)) }
        return base64URL(body + signature(body, secret: secret).prefix(12))
    }

    /// The link a token stands for, if its signature holds and it has not expired at `now`.
    public static func verify(_ token: String, secret: [UInt8], now: Int64) throws(Refusal) -> AckLink {
        if !token.contains("."), let bytes = bytes(base64URL: Substring(token)), bytes.count == 24 {
            let body = Array(bytes.prefix(12))
            guard
                RequestSignature.constantTimeEqual(
                    Array(signature(body, secret: secret).prefix(12)), Array(bytes.suffix(12)))
            else { throw .invalid }
            let seconds = body.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let digest = body.suffix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let expiresAt = Int64(seconds) * 1000
            guard now < expiresAt else { throw .expired(at: expiresAt) }
            return AckLink(target: .groupDigest(digest), expiresAt: expiresAt)
        }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = bytes(base64URL: parts[0]), let signature = bytes(base64URL: parts[1]),
            RequestSignature.constantTimeEqual(Self.signature(payload, secret: secret), signature),
            let text = String(bytes: payload, encoding: .utf8)
        else { throw .invalid }
        let fields = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, let expiresAt = Int64(fields[1]) else { throw .invalid }
        let target: AckTarget
        switch fields[0] {
        case "g": target = .group(String(fields[2]))
        case "a":
            guard let value = UInt64(fields[2], radix: 16) else { throw .invalid }
            target = .alert(AlertFingerprint(value: value))
        default: throw .invalid
        }
        guard now < expiresAt else { throw .expired(at: expiresAt) }
        return AckLink(target: target, expiresAt: expiresAt)
    }

    static func signature(_ payload: [UInt8], secret: [UInt8]) -> [UInt8] {
        // A key of its own, so a link's signature is never a valid webhook signature.
        let key = HMAC<SHA256>.authenticationCode(for: Array("vigil ack link".utf8), using: SymmetricKey(data: secret))
        return Array(HMAC<SHA256>.authenticationCode(for: payload, using: SymmetricKey(data: Data(key))))
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func bytes(base64URL text: Substring) -> [UInt8]? {
        guard text.allSatisfy({ $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII || $0 == "-" || $0 == "_" })
        else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map(Array.init)
    }
}
