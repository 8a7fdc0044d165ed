import Hummingbird
import NIOCore
import VigilCore

/// The outbox over HTTP: `GET /api/v1/notifications?state=pending|delivered|dead` lists messages
/// (newest first, without bodies) and `POST /api/v1/notifications/{id}/retry` (bearer token) puts a
/// dead letter back in the queue.
struct NotificationRoutes {
    let settings: AlertmanagerAPISettings
    let clock: any VigilClock

    func register(on router: Router<VigilRequestContext>) {
        let settings = self.settings
        let clock = self.clock
        router.get("/api/v1/notifications") { request, context in
            let parameters = try await FormParameters.read(request, limit: context.maxUploadSize)
            let state = parameters["state"].flatMap { $0.isEmpty ? nil : $0 }
            if let state, !["pending", "delivered", "dead"].contains(state) {
                throw APIError(
                    .badRequest, type: "bad_data", "invalid state \"\(state)\": use pending, delivered or dead")
            }
            let limit = parameters["limit"].flatMap(Int.init) ?? 500
            let list = try await settings.notifications.list(state: state, limit: max(1, min(limit, 10_000)))
            var json = GoJSONWriter()
            json.raw("{\"status\":\"success\",\"data\":[")
            for (index, item) in list.enumerated() {
                if index > 0 { json.raw(",") }
                json.raw("{")
                for (name, value) in [
                    ("id", item.id), ("receiver", item.receiver), ("integration", item.integration),
                    ("groupKey", item.groupKey), ("status", item.status), ("state", item.state),
                ] {
                    json.key(name)
                    json.string(value)
                    json.raw(",")
                }
                json.raw("\"alerts\":\(item.alerts),\"attempts\":\(item.attempts),")
                json.key("createdAt")
                json.string(GoTime.rfc3339(item.createdAt))
                json.raw(",")
                json.key("nextAttemptAt")
                json.string(GoTime.rfc3339(item.nextAttemptAt))
                json.raw(",")
                json.key("deliveredAt")
                if let delivered = item.deliveredAt { json.string(GoTime.rfc3339(delivered)) } else { json.raw("null") }
                json.raw(",")
                json.key("lastError")
                if let error = item.lastError { json.string(error) } else { json.raw("null") }
                json.raw("}")
            }
            json.raw("]}")
            return AlertmanagerRoutes.json(json.bytes)
        }
        router.post("/api/v1/notifications/{id}/retry") { request, context in
            let id = context.parameters.get("id") ?? ""
            guard try await settings.notifications.retry(id: id, now: clock.now().unixMilliseconds) else {
                throw APIError(.notFound, type: "not_found", "no notification with id \"\(id)\"")
            }
            await settings.audit("api", "notification.retry", ["id": id])
            return AlertmanagerRoutes.json(JSONEnvelope.success(["id": id, "state": "pending"]))
        }
    }
}
