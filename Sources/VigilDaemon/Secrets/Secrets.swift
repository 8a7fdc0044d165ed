/// The two secrets the daemon holds: the bearer token for API writes, and the key that signs
/// acknowledgement links and verifies acknowledgement webhooks.
public struct Secrets: Sendable, Equatable {
    /// Secrets shorter than this are refused: a guessable token would let anyone silence alerts.
    public static let minimumLength = 32

    public var apiToken: String
    public var webhookSecret: String

    public init(apiToken: String, webhookSecret: String) {
        self.apiToken = apiToken
        self.webhookSecret = webhookSecret
    }
}
