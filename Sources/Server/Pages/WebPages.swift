/// What the web pages ask of the daemon: each page's HTML, rendered from what the services hold
/// now, and the few things a person may do from them. The Server declares it and does HTTP
/// (access, the CSRF check, content type, redirects); the daemon gathers the figures, the `Pages`
/// target renders them, and actions go through the same engines as the API.
public protocol WebPages: Sendable {
    /// `/`: the status board.
    func statusBoard(viewer: PageViewer) async -> String
    /// `/alerts` with its query parameters (`filter`, `state`, `severity`).
    func alerts(query: [(name: String, value: String)], viewer: PageViewer) async -> String
    /// `/silences` (with `matchers` to prefill the form).
    func silences(query: [(name: String, value: String)], viewer: PageViewer) async -> String
    /// `/incidents`.
    func incidents(viewer: PageViewer) async -> String
    /// `/incidents/{id}`; nil when there is no such incident.
    func incident(id: String, viewer: PageViewer) async -> String?
    /// `/oncall`.
    func onCall(viewer: PageViewer) async -> String
    /// `/rules`.
    func rules(viewer: PageViewer) async -> String
    /// `/runbooks/{name}`: a runbook rendered from its Markdown; nil when there is none by that name.
    func runbook(name: String, viewer: PageViewer) async -> String?
    /// `/schedule`: the engine's last report as a page.
    func schedule(viewer: PageViewer) async -> String
    /// Does what a page's form asks, as `by` (a web user); says what happened, in words.
    func perform(_ action: PageAction, by: String) async -> PageActionResult
    /// `/static/vigil.css`.
    var stylesheet: String { get }
    /// `/static/vigil.js`.
    var script: String { get }
}

/// Who is looking at a page: a logged-in web user may act from it (the forms carry `csrf`);
/// anyone else reads.
public struct PageViewer: Sendable, Equatable {
    public var user: String?
    public var csrf: String?
    /// A message from the action just done (shown once, escaped).
    public var done: String?

    public init(user: String? = nil, csrf: String? = nil, done: String? = nil) {
        self.user = user
        self.csrf = csrf
        self.done = done
    }
}

/// What a page's form may do.
public enum PageAction: Sendable, Equatable {
    case acknowledgeGroup(groupKey: String)
    case createSilence(matchers: String, duration: String, comment: String)
    case expireSilence(id: String)
    case moveIncident(id: String, phase: String, reason: String?, proposal: Int?)
    case approveProposal(id: String, proposal: Int)
}

/// What came of a page's action: where to go next, and what to say there.
public struct PageActionResult: Sendable, Equatable {
    public var redirect: String
    public var message: String
    public var succeeded: Bool

    public init(redirect: String, message: String, succeeded: Bool) {
        self.redirect = redirect
        self.message = message
        self.succeeded = succeeded
    }
}
