import Alerting
import Foundation
import Hummingbird
import VigilCore

/// `GET /api/v1/oncall[?at=TIME]`: who is on call now (or at `at`, RFC 3339 or Unix seconds) and next
/// in every rotation, and until when.
struct OnCallRoutes {
    let settings: AlertmanagerAPISettings
    let clock: any VigilClock

    func register(on router: Router<VigilRequestContext>) {
        let settings = self.settings
        let clock = self.clock
        router.get("/api/v1/oncall") { request, _ in
            var at = clock.now().unixMilliseconds
            if let text = request.uri.queryParameters.get("at"), !text.isEmpty {
                guard let parsed = Self.time(text) else {
                    throw APIError(
                        .badRequest, type: "bad_data",
                        "invalid parameter \"at\": cannot parse \"\(text)\" to a valid timestamp")
                }
                at = parsed
            }
            var json = GoJSONWriter()
            json.raw("{\"status\":\"success\",\"data\":[")
            for (index, view) in await settings.pipeline.onCall(at: at).enumerated() {
                if index > 0 { json.raw(",") }
                json.raw("{\"rotation\":")
                json.string(view.rotation)
                json.raw(",\"now\":")
                Self.write(view.now, into: &json)
                json.raw(",\"next\":")
                Self.write(view.next, into: &json)
                json.raw("}")
            }
            json.raw("]}")
            return AlertmanagerRoutes.json(json.bytes)
        }
    }

    static func write(_ shift: OnCallShift?, into json: inout GoJSONWriter) {
        guard let shift else {
            json.raw("null")
            return
        }
        json.raw("{\"member\":")
        json.string(shift.member)
        json.raw(",\"start\":")
        json.string(GoTime.rfc3339(shift.start))
        json.raw(",\"end\":")
        json.string(GoTime.rfc3339(shift.end))
        json.raw(",\"override\":\(shift.isOverride)")
        if let replacing = shift.replacing {
            json.raw(",\"replacing\":")
            json.string(replacing)
        }
        json.raw("}")
    }

    /// RFC 3339 or Unix seconds (with a fraction), as Prometheus' API takes times.
    static func time(_ text: String) -> Int64? {
        if let seconds = Double(text), seconds.isFinite { return Int64((seconds * 1000).rounded()) }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return Int64(date.timeIntervalSince1970 * 1000) }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text).map { Int64($0.timeIntervalSince1970 * 1000) }
    }
}
