import Alerting

/// The signature on every webhook request, so a receiver can tell Vigil's messages from forgeries
/// and replays: `X-Vigil-Signature: sha256=<hex>` over `"<X-Vigil-Timestamp>.<raw body>"`, keyed by
/// the webhook secret (``RequestSignature``). A receiver recomputes it and also refuses timestamps
/// more than a few minutes old.
public enum WebhookSignature {
    /// `sha256=<64 hex digits>`.
    public static func header(secret: [UInt8], timestamp: String, body: [UInt8]) -> String {
        RequestSignature.header(secret: secret, timestamp: timestamp, body: body)
    }

    /// Whether `header` is the right signature (compared in constant time).
    public static func verify(header: String, secret: [UInt8], timestamp: String, body: [UInt8]) -> Bool {
        RequestSignature.verify(header: header, secret: secret, timestamp: timestamp, body: body)
    }
}
