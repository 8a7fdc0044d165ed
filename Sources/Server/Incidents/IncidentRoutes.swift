import Alerting
import Foundation
import Hummingbird
import Incidents
import VigilCore

/// The incident API: `GET /api/v1/incidents[?state=open|resolved&since=TIME]`, `GET
/// /api/v1/incidents/{id}` (phases and timeline included), `POST /api/v1/incidents` (open by hand),
/// `POST /api/v1/incidents/{id}/phase` (with `"proposal": N` when moving to acting, to act on a
/// proposal), `/approve`, `/undo` (back to normal operations), `/notes` and `/ack`. Writes need the bearer token (the
/// access policy's rule for every POST). A move the method does not allow, or an unknown phase,
/// is 409 with the allowed moves; an unknown incident 404; a malformed body 400. Nothing changes
/// on any of them.
struct IncidentRoutes {
    let control: any IncidentControl

    func register(on router: Router<VigilRequestContext>) {
        let control = self.control
        router.get("/api/v1/incidents") { request, _ in
            let state = request.uri.queryParameters.get("state").flatMap { $0.isEmpty ? nil : $0 }
            if let state, !["open", "resolved"].contains(state) {
                throw APIError(
                    .badRequest, type: "bad_data", "invalid parameter \"state\": \"\(state)\" is not open or resolved")
            }
            var since: Int64?
            if let text = request.uri.queryParameters.get("since"), !text.isEmpty {
                guard let parsed = OnCallRoutes.time(text) else {
                    throw APIError(
                        .badRequest, type: "bad_data",
                        "invalid parameter \"since\": cannot parse \"\(text)\" to a valid timestamp")
                }
                since = parsed
            }
            let incidents = try await Self.run { try await control.list(state: state, since: since) }
            let zone = await control.timeZone()
            var json = GoJSONWriter()
            json.raw("{\"status\":\"success\",\"data\":{\"incidents\":")
            json.beginArray()
            for incident in incidents {
                json.element()
                IncidentJSON.write(incident, full: false, timeZone: zone, into: &json)
            }
            json.end("]")
            json.raw(",\"figures\":")
            IncidentJSON.write(IncidentFigures(incidents, timeZone: zone), into: &json)
            json.raw("}}")
            return AlertmanagerRoutes.json(json.bytes)
        }
        router.get("/api/v1/incidents/{id}") { _, context in
            let id = context.parameters.get("id") ?? ""
            guard let incident = try await Self.run({ try await control.incident(id: id) }) else {
                throw APIError(.notFound, type: "not_found", IncidentError.notFound(id).description)
            }
            return await Self.answer(incident, control: control)
        }
        router.get("/api/v1/incidents/{id}/postmortem") { _, context in
            let id = context.parameters.get("id") ?? ""
            guard let incident = try await Self.run({ try await control.incident(id: id) }) else {
                throw APIError(.notFound, type: "not_found", IncidentError.notFound(id).description)
            }
            let text = PostMortem.markdown(incident, timeZone: await control.timeZone())
            return Response(
                status: .ok, headers: [.contentType: "text/markdown; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.post("/api/v1/incidents") { request, context in
            let body = try await Self.body(request, context: context)
            let title = try Self.text(body, "title", required: true) ?? ""
            let severityText = try Self.text(body, "severity", required: false) ?? "P1"
            guard let severity = IncidentSeverity(rawValue: severityText.uppercased()) else {
                throw APIError(
                    .badRequest, type: "bad_data", "unknown severity \"\(severityText)\": one of P1, P2, P3, P4")
            }
            let key = try Self.text(body, "key", required: false)
            let by = try Self.text(body, "by", required: true) ?? ""
            let incident = try await Self.run {
                try await control.open(title: title, severity: severity, key: key, by: by)
            }
            return await Self.answer(incident, control: control)
        }
        router.post("/api/v1/incidents/{id}/phase") { request, context in
            let id = context.parameters.get("id") ?? ""
            let body = try await Self.body(request, context: context)
            let phaseText = try Self.text(body, "phase", required: true) ?? ""
            let by = try Self.text(body, "by", required: true) ?? ""
            let reason = try Self.text(body, "reason", required: false)
            let falseAlarm = body["false_alarm"] as? Bool ?? false
            let proposal = try Self.number(body, "proposal", required: false)
            let incident = try await Self.run {
                guard let phase = IncidentPhase(rawValue: phaseText) else {
                    let error = IncidentError.unknownPhase(phaseText)
                    // Unknown phase: 409 with the moves this incident allows.
                    let allowed = try await control.incident(id: id)?.phase.allowed.map(\.rawValue) ?? []
                    throw APIError(
                        .conflict, type: "conflict",
                        error.description
                            + (allowed.isEmpty
                                ? "" : "; incident \(id) may move to: \(allowed.joined(separator: ", "))"))
                }
                if phase == .acting, let number = proposal {
                    return try await control.act(id, proposal: number, by: by)
                }
                return try await control.move(id, to: phase, by: by, reason: reason, falseAlarm: falseAlarm)
            }
            return await Self.answer(incident, control: control)
        }
        write("approve", on: router) { id, body, by in
            try await control.approve(id, proposal: try Self.number(body, "proposal", required: true) ?? 0, by: by)
        }
        write("notes", on: router) { id, body, by in
            try await control.note(id, text: try Self.text(body, "text", required: true) ?? "", by: by)
        }
        write("undo", on: router) { id, _, by in try await control.undo(id, by: by) }
        write("ack", on: router) { id, _, by in try await control.acknowledge(id, by: by) }
    }

    /// `POST /api/v1/incidents/{id}/<action>`: reads the JSON body and its required `by`, runs
    /// `change`, answers the incident as it now stands.
    private func write(
        _ action: String, on router: Router<VigilRequestContext>,
        _ change: @escaping @Sendable (String, [String: Any], String) async throws -> Incident
    ) {
        let control = self.control
        router.post("/api/v1/incidents/{id}/\(action)") { request, context in
            let id = context.parameters.get("id") ?? ""
            let body = try await Self.body(request, context: context)
            let by = try Self.text(body, "by", required: true) ?? ""
            let incident = try await Self.run { try await change(id, body, by) }
            return await Self.answer(incident, control: control)
        }
    }

    /// `{"status":"success","data":<incident in full>}`.
    static func answer(_ incident: Incident, control: any IncidentControl) async -> Response {
        var json = GoJSONWriter(capacity: 4096)
        json.raw("{\"status\":\"success\",\"data\":")
        IncidentJSON.write(incident, full: true, timeZone: await control.timeZone(), into: &json)
        json.raw("}")
        return AlertmanagerRoutes.json(json.bytes)
    }

    /// Runs a call on the daemon, turning the engine's refusals into the API's statuses.
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as IncidentError {
            switch error {
            case .notFound: throw APIError(.notFound, type: "not_found", error.description)
            case .invalidTransition, .reasonRequired, .unknownPhase:
                throw APIError(.conflict, type: "conflict", error.description)
            case .unknownProposal: throw APIError(.notFound, type: "not_found", error.description)
            case .approvalRequired, .proposalApplied, .notDeciding:
                throw APIError(.conflict, type: "conflict", error.description)
            case .actorRequired, .emptyNote: throw APIError(.badRequest, type: "bad_data", error.description)
            }
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.internalServerError, type: "internal", "the incident could not be saved: \(error)")
        }
    }

    /// The request's JSON object.
    static func body(_ request: Request, context: VigilRequestContext) async throws -> [String: Any] {
        var request = request
        let bytes = Array(buffer: try await request.collectBody(upTo: context.maxUploadSize))
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw APIError(.badRequest, type: "bad_data", "the body must be a JSON object")
        }
        return object
    }

    /// A whole-number field of `body` (a proposal number).
    static func number(_ body: [String: Any], _ name: String, required: Bool) throws -> Int? {
        guard let value = body[name], !(value is NSNull) else {
            if required { throw APIError(.badRequest, type: "bad_data", "\"\(name)\" is required") }
            return nil
        }
        // JSON's true and false are numbers to Foundation: told apart by their Objective-C type "c".
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c",
            number.doubleValue == number.doubleValue.rounded(), number.intValue > 0
        else {
            throw APIError(.badRequest, type: "bad_data", "\"\(name)\" must be a proposal number (1, 2, …)")
        }
        return number.intValue
    }

    /// A string field of `body`: refused when not a string, missing or empty when `required`, or
    /// over 10,000 characters.
    static func text(_ body: [String: Any], _ name: String, required: Bool) throws -> String? {
        guard let value = body[name], !(value is NSNull) else {
            if required { throw APIError(.badRequest, type: "bad_data", "\"\(name)\" is required") }
            return nil
        }
        guard let text = value as? String else {
            throw APIError(.badRequest, type: "bad_data", "\"\(name)\" must be a string")
        }
        if required, text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw APIError(.badRequest, type: "bad_data", "\"\(name)\" must not be empty")
        }
        guard text.count <= 10_000 else {
            throw APIError(.badRequest, type: "bad_data", "\"\(name)\" is too long (10,000 characters at most)")
        }
        return text
    }
}
