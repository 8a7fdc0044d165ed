/// What the web pages ask of the daemon: each page's HTML, rendered from what the services hold
/// now. The Server declares it and does HTTP (access, content type, caching); the daemon gathers
/// the figures and the `Pages` target renders them.
public protocol WebPages: Sendable {
    /// `/`: the status board.
    func statusBoard() async -> String
    /// `/alerts` with its query parameters (`filter`, `state`, `severity`).
    func alerts(query: [(name: String, value: String)]) async -> String
    /// `/incidents`.
    func incidents() async -> String
    /// `/incidents/{id}`; nil when there is no such incident.
    func incident(id: String) async -> String?
    /// `/oncall`.
    func onCall() async -> String
    /// `/rules`.
    func rules() async -> String
    /// `/static/vigil.css`.
    var stylesheet: String { get }
}
