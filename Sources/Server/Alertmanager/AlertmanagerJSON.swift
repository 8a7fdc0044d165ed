import Alerting
import Rules
import TimeSeries
import VigilCore

/// Alertmanager API v2's JSON, in the shapes amtool and Grafana read: go-swagger's field order
/// (alphabetical per part), times with three fractional digits in UTC, lists never null.
enum AlertmanagerJSON {
    /// `2026-12-04T14:57:33.364Z`.
    static func time(_ milliseconds: Int64) -> String {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let fraction = milliseconds - seconds * 1000
        return UTCDateTime(unixSeconds: seconds).text(separator: "T") + "." + UTCDateTime.padded(fraction, 3) + "Z"
    }

    static func alert(_ view: AlertView, into json: inout GoJSONWriter) {
        let alert = view.alert
        json.beginObject()
        json.member("annotations", map: alert.annotations.pairs.map { ($0.name, $0.value) })
        json.member("endsAt", string: time(alert.endsAt))
        json.member("fingerprint", string: alert.fingerprint.description)
        json.member("receivers")
        json.beginArray()
        for receiver in view.receivers {
            json.element()
            json.beginObject()
            json.member("name", string: receiver)
            json.end("}")
        }
        json.end("]")
        json.member("startsAt", string: time(alert.startsAt))
        json.member("status")
        json.beginObject()
        json.member("inhibitedBy")
        strings(view.inhibitedBy, into: &json)
        json.member("silencedBy")
        strings(view.silencedBy, into: &json)
        json.member("state", string: view.state)
        json.end("}")
        json.member("updatedAt", string: time(alert.updatedAt))
        if !alert.generatorURL.isEmpty { json.member("generatorURL", string: alert.generatorURL) }
        json.member("labels", map: alert.labels.pairs.map { ($0.name, $0.value) })
        if let escalation = view.escalation { vigil(escalation, into: &json) }
        json.end("}")
    }

    /// Vigil's addition to an alert (amtool ignores it): `"vigil":{"escalation":{"policy","step",
    /// "next_at"},"acknowledged":{"by","at","via"}}`, each part only when there is one.
    static func vigil(_ escalation: NotificationEscalation, into json: inout GoJSONWriter) {
        json.member("vigil")
        json.beginObject()
        if let policy = escalation.policy {
            json.member("escalation")
            json.beginObject()
            json.member("policy", string: policy)
            json.member("step", raw: escalation.step.map { "\"\($0)\"" } ?? "null")
            json.member("next_at", raw: escalation.nextStepAt.map { "\"\(time($0))\"" } ?? "null")
            json.end("}")
        }
        if let acknowledgement = escalation.acknowledgement {
            json.member("acknowledged")
            json.beginObject()
            json.member("by", string: acknowledgement.by)
            json.member("at", string: time(acknowledgement.at))
            json.member("via", string: acknowledgement.via)
            json.end("}")
        }
        json.end("}")
    }

    static func silence(_ silence: Silence, now: Int64, into json: inout GoJSONWriter) {
        json.beginObject()
        json.member("id", string: silence.id)
        json.member("status")
        json.beginObject()
        json.member("state", string: silence.state(at: now).rawValue)
        json.end("}")
        json.member("updatedAt", string: time(silence.updatedAt))
        json.member("comment", string: silence.comment)
        json.member("createdBy", string: silence.createdBy)
        json.member("endsAt", string: time(silence.endsAt))
        json.member("matchers")
        json.beginArray()
        for matcher in silence.matchers {
            json.element()
            json.beginObject()
            json.member("isEqual", raw: matcher.kind == .equal || matcher.kind == .regexMatch ? "true" : "false")
            json.member("isRegex", raw: matcher.kind == .regexMatch || matcher.kind == .regexNoMatch ? "true" : "false")
            json.member("name", string: matcher.name)
            json.member("value", string: matcher.value)
            json.end("}")
        }
        json.end("]")
        json.member("startsAt", string: time(silence.startsAt))
        json.end("}")
    }

    static func strings(_ values: [String], into json: inout GoJSONWriter) {
        json.raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(value)
        }
        json.raw("]")
    }

    /// Silences in Alertmanager's order: active by end, pending by start, expired by end, newest first.
    static func sorted(_ silences: [Silence], now: Int64) -> [Silence] {
        func rank(_ silence: Silence) -> Int {
            switch silence.state(at: now) {
            case .active: return 0
            case .pending: return 1
            case .expired: return 2
            }
        }
        return silences.sorted { a, b in
            let (ra, rb) = (rank(a), rank(b))
            if ra != rb { return ra < rb }
            switch ra {
            case 0: return (a.endsAt, a.id) < (b.endsAt, b.id)
            case 1: return (a.startsAt, a.id) < (b.startsAt, b.id)
            default: return (a.endsAt, a.id) > (b.endsAt, b.id)
            }
        }
    }
}
