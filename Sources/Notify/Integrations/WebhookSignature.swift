import Crypto

/// The signature on every webhook request, so a receiver can tell Vigil's messages from forgeries
/// and replays: `X-Vigil-Signature: sha256=<hex>` over `"<X-Vigil-Timestamp>.<raw body>"`, keyed by
/// the webhook secret. A receiver recomputes it and also refuses timestamps more than a few minutes
/// old.
public enum WebhookSignature {
    /// `sha256=<64 hex digits>`.
    public static func header(secret: [UInt8], timestamp: String, body: [UInt8]) -> String {
        var signed = Array(timestamp.utf8)
        signed.append(UInt8(ascii: "."))
        signed += body
        let code = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: secret))
        return "sha256="
            + code.map { byte in
                let digits = String(byte, radix: 16)
                return byte < 16 ? "0" + digits : digits
            }.joined()
    }

    /// Whether `header` is the right signature (compared in constant time).
    public static func verify(header: String, secret: [UInt8], timestamp: String, body: [UInt8]) -> Bool {
        let expected = Array(Self.header(secret: secret, timestamp: timestamp, body: body).utf8)
        let given = Array(header.utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(expected, given) { difference |= a ^ b }
        return difference == 0
    }
}
