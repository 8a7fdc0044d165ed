import Alerting
import Foundation
import Hummingbird
import NIOCore
import Rules
import VigilCore

/// Acknowledgements over the API (bearer token): `POST /api/v1/alerts/{fingerprint}/ack|unack` and
/// `POST /api/v1/groups/{group_key}/ack|unack` (the key percent-encoded), with `{"by": "<person>"}`
/// as the body or `?by=`. An acknowledged group takes no more escalation steps; `unack` resumes it
/// from the step it was at. Unknown alert or group: 404; acknowledging twice: 200, nothing changes.
struct AckRoutes {
    let settings: AlertmanagerAPISettings
    let clock: any VigilClock

    func register(on router: Router<VigilRequestContext>) {
        for action in AckRecord.Action.allCases {
            router.post("/api/v1/alerts/{fingerprint}/\(action.rawValue)") { request, context in
                let text = context.parameters.get("fingerprint") ?? ""
                guard text.count == 16, let value = UInt64(text, radix: 16) else {
                    throw APIError(
                        .badRequest, type: "bad_data", "invalid fingerprint \"\(text)\": 16 hexadecimal digits")
                }
                return try await handle(
                    action, .alert(AlertFingerprint(value: value)), request: request, context: context)
            }
            router.post("/api/v1/groups/{group_key}/\(action.rawValue)") { request, context in
                let raw = context.parameters.get("group_key") ?? ""
                let key = raw.removingPercentEncoding ?? raw
                return try await handle(action, .group(key), request: request, context: context)
            }
        }
    }

    private func handle(
        _ action: AckRecord.Action, _ target: AckTarget, request: Request, context: VigilRequestContext
    ) async throws -> Response {
        var request = request
        let body = Array(buffer: try await request.collectBody(upTo: context.maxUploadSize))
        let by = try Self.actor(body: body, query: request.uri.queryParameters.get("by"))
        let source = context.remoteAddress?.ipAddress ?? ""
        let records: [AckRecord]
        do {
            records = try await settings.pipeline.acknowledge(
                action, target: target, by: by, via: "api", source: source, now: clock.now().unixMilliseconds)
        } catch {
            switch error {
            case .notFound(let message): throw APIError(.notFound, type: "not_found", message)
            case .storage(let message): throw APIError(.internalServerError, type: "internal", message)
            }
        }
        return Self.answer(action, records)
    }

    /// `{"status":"success","data":{"action":…,"changed":[{"groupKey","by","at"}]}}`.
    static func answer(_ action: AckRecord.Action, _ records: [AckRecord]) -> Response {
        var json = GoJSONWriter()
        json.raw("{\"status\":\"success\",\"data\":{\"action\":")
        json.string(action.rawValue)
        json.raw(",\"changed\":[")
        for (index, record) in records.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{\"groupKey\":")
            json.string(record.groupKey)
            json.raw(",\"by\":")
            json.string(record.by)
            json.raw(",\"at\":")
            json.string(GoTime.rfc3339(record.at))
            json.raw("}")
        }
        json.raw("]}}")
        return AlertmanagerRoutes.json(json.bytes)
    }

    /// Who acts: `by` in a JSON body, else `?by=`; required, so the audit log can say who.
    static func actor(body: [UInt8], query: String?) throws -> String {
        var by = query
        if !body.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw APIError(.badRequest, type: "bad_data", "the body must be a JSON object like {\"by\": \"name\"}")
            }
            if let value = object["by"] {
                guard let text = value as? String else {
                    throw APIError(.badRequest, type: "bad_data", "\"by\" must be a string")
                }
                by = text
            }
        }
        guard let by, !by.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError(.badRequest, type: "bad_data", "say who acknowledges: {\"by\": \"name\"} or ?by=name")
        }
        guard by.count <= 200 else { throw APIError(.badRequest, type: "bad_data", "\"by\" is too long (200 at most)") }
        return by
    }
}
