import Crypto
import Foundation
import Rules

/// The signed link in every notification (`/ack/<token>`): it names one group (or alert) and an
/// expiry, signed with a key derived from the webhook secret, so someone on a phone can acknowledge
/// with a tap and nobody can make or stretch a link for another group.
///
/// The token is `<payload>.<signature>`, both base64url: the payload `g|a:<group key or
/// fingerprint>:<expiry ms>`, the signature HMAC-SHA256 of it.
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
        case .group(let key): payload = "g:\(expiresAt):\(key)"
        case .alert(let fingerprint): payload = "a:\(expiresAt):\(fingerprint)"
        }
        let bytes = Array(payload.utf8)
        return Self.base64URL(bytes) + "." + Self.base64URL(Self.signature(bytes, secret: secret))
    }

    /// The link a token stands for, if its signature holds and it has not expired at `now`.
    public static func verify(_ token: String, secret: [UInt8], now: Int64) throws(Refusal) -> AckLink {
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
