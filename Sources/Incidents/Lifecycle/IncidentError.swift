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
        }
    }
}
