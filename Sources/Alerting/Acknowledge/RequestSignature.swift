import Crypto

/// `sha256=<hex>`: HMAC-SHA256 over `"<timestamp>.<raw body>"`, keyed by the webhook secret. Vigil
/// signs its webhooks with it and checks the acknowledgements chat and pager integrations send back
/// with it, so one secret and one recipe serve both directions.
public enum RequestSignature {
    /// `sha256=<64 hex digits>`.
    public static func header(secret: [UInt8], timestamp: String, body: [UInt8]) -> String {
        var signed = Array(timestamp.utf8)
        signed.append(UInt8(ascii: "."))
        signed += body
        return "sha256=" + hex(HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: secret)))
    }

    /// Whether `header` is the right signature, compared in constant time.
    public static func verify(header: String, secret: [UInt8], timestamp: String, body: [UInt8]) -> Bool {
        constantTimeEqual(Array(Self.header(secret: secret, timestamp: timestamp, body: body).utf8), Array(header.utf8))
    }

    /// Compares every byte whatever the first difference, so timing tells a forger nothing.
    public static func constantTimeEqual(_ expected: [UInt8], _ given: [UInt8]) -> Bool {
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(expected, given) { difference |= a ^ b }
        return difference == 0
    }

    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }
}
