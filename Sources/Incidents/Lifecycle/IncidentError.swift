/// Why the engine refused a request about an incident; each message says what to do instead.
/// Nothing changes when one is thrown.
public enum IncidentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No incident with that id is being worked (it may have been reviewed and archived).
    case notFound(String)
    /// `phase` is not one of the method's phases.
    case unknownPhase(String)
    /// The method does not go from `from` to `to`; `allowed` are the moves it does allow.
    case invalidTransition(id: String, from: IncidentPhase, to: IncidentPhase, allowed: [IncidentPhase])
    /// Going back, or resolving before verification, must say why.
    case reasonRequired(id: String, from: IncidentPhase, to: IncidentPhase)
    /// Every change is made by a named person.
    case actorRequired
    /// A note with nothing in it.
    case emptyNote
    /// No proposal with that number on the incident.
    case unknownProposal(id: String, number: Int)
    /// A high-impact proposal runs only once a named person has approved it.
    case approvalRequired(id: String, number: Int, summary: String)
    /// The proposal has already been acted on.
    case proposalApplied(id: String, number: Int)
    /// Acting on a proposal happens from `deciding`.
    case notDeciding(id: String, phase: IncidentPhase)

    public var description: String {
        switch self {
        case .notFound(let id):
            return "no open incident \"\(id)\"; GET /api/v1/incidents lists them"
        case .unknownPhase(let phase):
            let phases = IncidentPhase.order.map(\.rawValue).joined(separator: ", ")
            return "unknown phase \"\(phase)\": one of \(phases)"
        case .invalidTransition(let id, let from, let to, let allowed):
            let list = allowed.map(\.rawValue).joined(separator: ", ")
            return "incident \(id) is \(from.rawValue) and cannot move to \(to.rawValue)"
                + (allowed.isEmpty ? ": it is closed" : "; from \(from.rawValue) it may move to: \(list)")
        case .reasonRequired(let id, let from, let to):
            let what = to == .resolved ? "resolving before verification (a false alarm, or by hand)" : "going back"
            return "incident \(id): \(what) from \(from.rawValue) to \(to.rawValue) needs a reason"
        case .actorRequired:
            return "say who is making the change (\"by\")"
        case .emptyNote:
            return "a note needs some text"
        case .unknownProposal(let id, let number):
            return "incident \(id) has no proposal \(number); GET /api/v1/incidents/\(id) lists them"
        case .approvalRequired(let id, let number, let summary):
            return "incident \(id): proposal \(number) (\(summary)) needs approval by a named person first: "
                + "POST /api/v1/incidents/\(id)/approve {\"proposal\": \(number), \"by\": \"name\"}"
        case .proposalApplied(let id, let number):
            return "incident \(id): proposal \(number) has already been acted on"
        case .notDeciding(let id, let phase):
            return "incident \(id) is \(phase.rawValue): a proposal is acted on from deciding"
        }
    }
}
