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
        json.raw("{")
        json.key("annotations")
        json.stringMap(alert.annotations.pairs.map { ($0.name, $0.value) })
        json.raw(",")
        json.key("endsAt")
        json.string(time(alert.endsAt))
        json.raw(",")
        json.key("fingerprint")
        json.string(alert.fingerprint.description)
        json.raw(",")
        json.key("receivers")
        json.raw("[")
        for (index, receiver) in view.receivers.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{")
            json.key("name")
            json.string(receiver)
            json.raw("}")
        }
        json.raw("],")
        json.key("startsAt")
        json.string(time(alert.startsAt))
        json.raw(",")
        json.key("status")
        json.raw("{")
        json.key("inhibitedBy")
        strings(view.inhibitedBy, into: &json)
        json.raw(",")
        json.key("silencedBy")
        strings(view.silencedBy, into: &json)
        json.raw(",")
        json.key("state")
        json.string(view.state)
        json.raw("},")
        json.key("updatedAt")
        json.string(time(alert.updatedAt))
        if !alert.generatorURL.isEmpty {
            json.raw(",")
            json.key("generatorURL")
            json.string(alert.generatorURL)
        }
        json.raw(",")
        json.key("labels")
        json.stringMap(alert.labels.pairs.map { ($0.name, $0.value) })
        json.raw("}")
    }

    static func silence(_ silence: Silence, now: Int64, into json: inout GoJSONWriter) {
        json.raw("{")
        json.key("id")
        json.string(silence.id)
        json.raw(",")
        json.key("status")
        json.raw("{")
        json.key("state")
        json.string(silence.state(at: now).rawValue)
        json.raw("},")
        json.key("updatedAt")
        json.string(time(silence.updatedAt))
        json.raw(",")
        json.key("comment")
        json.string(silence.comment)
        json.raw(",")
        json.key("createdBy")
        json.string(silence.createdBy)
        json.raw(",")
        json.key("endsAt")
        json.string(time(silence.endsAt))
        json.raw(",")
        json.key("matchers")
        json.raw("[")
        for (index, matcher) in silence.matchers.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{")
            json.key("isEqual")
            json.raw(matcher.kind == .equal || matcher.kind == .regexMatch ? "true" : "false")
            json.raw(",")
            json.key("isRegex")
            json.raw(matcher.kind == .regexMatch || matcher.kind == .regexNoMatch ? "true" : "false")
            json.raw(",")
            json.key("name")
            json.string(matcher.name)
            json.raw(",")
            json.key("value")
            json.string(matcher.value)
            json.raw("}")
        }
        json.raw("],")
        json.key("startsAt")
        json.string(time(silence.startsAt))
        json.raw("}")
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
