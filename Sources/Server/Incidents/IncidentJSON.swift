import Alerting
import Foundation
import Incidents
import VigilCore

/// An incident as the API shows it: where it stands, its response target against the actual
/// times, and (in full) its phases and timeline.
enum IncidentJSON {
    static func write(_ incident: Incident, full: Bool, timeZone: TimeZone, into json: inout GoJSONWriter) {
        json.beginObject()
        json.member("id", string: incident.id)
        json.member("key", string: incident.key)
        json.member("title", string: incident.title)
        json.member("severity", string: incident.severity.rawValue)
        json.member("phase", string: incident.phase.rawValue)
        json.member("open", raw: incident.isOpen ? "true" : "false")
        json.member("detectedAt", time: incident.detectedAt)
        json.member("resolvedAt")
        if let resolvedAt = incident.resolvedAt { json.time(resolvedAt) } else { json.raw("null") }
        json.member("acknowledgement")
        if let acknowledgement = incident.acknowledgement {
            json.beginObject()
            json.member("by", string: acknowledgement.by)
            json.member("at", time: acknowledgement.at)
            json.end("}")
        } else {
            json.raw("null")
        }
        json.member("falseAlarm")
        if let reason = incident.falseAlarm { json.string(reason) } else { json.raw("null") }
        // The target against the actual times: MTTA and MTTR as the program measures them.
        let deadline = ResponseTarget.deadline(incident.severity, detectedAt: incident.detectedAt, timeZone: timeZone)
        json.member("responseTarget")
        json.beginObject()
        json.member("target", string: ResponseTarget.description(incident.severity))
        json.member("deadline", time: deadline)
        json.member("met")
        if let acknowledgement = incident.acknowledgement {
            json.raw(acknowledgement.at <= deadline ? "true" : "false")
        } else {
            json.raw("null")
        }
        json.end("}")
        json.member("timeToAcknowledgeSeconds")
        json.raw(incident.acknowledgement.map { seconds($0.at - incident.detectedAt) } ?? "null")
        json.member("timeToResolveSeconds")
        json.raw(incident.resolvedAt.map { seconds($0 - incident.detectedAt) } ?? "null")
        json.member("groupKeys")
        json.beginArray()
        for key in incident.groupKeys {
            json.element()
            json.string(key)
        }
        json.end("]")
        json.member("alerts")
        json.beginArray()
        for (fingerprint, firing) in incident.alerts.sorted(by: { $0.key < $1.key }) {
            json.element()
            json.beginObject()
            json.member("fingerprint", string: fingerprint)
            json.member("firing", raw: firing ? "true" : "false")
            json.end("}")
        }
        json.end("]")
        json.member("runbooks", map: incident.runbooks.map { (name: $0.key, value: $0.value) })
        json.member("allowedPhases")
        json.beginArray()
        for phase in incident.phase.allowed {
            json.element()
            json.string(phase.rawValue)
        }
        json.end("]")
        if full {
            // What Vigil observed at open and the failure modes it points to, as stored.
            json.member("observation", raw: encoded(incident.observation))
            json.member("orientation", raw: encoded(incident.orientation))
            json.member("proposals", raw: encoded(incident.proposals))
            json.member("phases")
            json.beginArray()
            for entry in incident.phases {
                json.element()
                json.beginObject()
                json.member("phase", string: entry.phase.rawValue)
                json.member("at", time: entry.at)
                json.member("by", string: entry.by)
                json.member("reason")
                if let reason = entry.reason { json.string(reason) } else { json.raw("null") }
                json.end("}")
            }
            json.end("]")
            json.member("timeline")
            json.beginArray()
            for entry in incident.timeline {
                json.element()
                json.beginObject()
                json.member("at", time: entry.at)
                json.member("kind", string: entry.kind.rawValue)
                json.member("actor", string: entry.actor)
                json.member("text", string: entry.text)
                json.member("details", map: entry.details.map { (name: $0.key, value: $0.value) })
                json.end("}")
            }
            json.end("]")
        }
        json.end("}")
    }

    /// `value` as JSON with sorted keys (`null` when nil).
    /// MTTA and MTTR over the listed incidents, overall and by severity.
    static func write(_ figures: IncidentFigures, into json: inout GoJSONWriter) {
        func write(_ figures: IncidentFigures.Figures) {
            json.beginObject()
            json.member("count", raw: "\(figures.count)")
            json.member("open", raw: "\(figures.open)")
            json.member("acknowledged", raw: "\(figures.acknowledged)")
            json.member("targetsMet", raw: "\(figures.targetsMet)")
            json.member("resolved", raw: "\(figures.resolved)")
            json.member("meanTimeToAcknowledgeSeconds", raw: figures.meanTimeToAcknowledge.map(seconds) ?? "null")
            json.member("meanTimeToResolveSeconds", raw: figures.meanTimeToResolve.map(seconds) ?? "null")
            json.end("}")
        }
        json.beginObject()
        json.member("overall")
        write(figures.overall)
        json.member("bySeverity")
        json.beginObject()
        for severity in IncidentSeverity.allCases {
            guard let bySeverity = figures.bySeverity[severity] else { continue }
            json.member(severity.rawValue)
            write(bySeverity)
        }
        json.end("}")
        json.end("}")
    }

    static func encoded<T: Encodable>(_ value: T?) -> String {
        guard let value else { return "null" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// Seconds with up to three decimals, as JSON numbers.
    static func seconds(_ milliseconds: Int64) -> String {
        let value = Double(milliseconds) / 1000
        return value == value.rounded() ? String(Int64(value)) : String(value)
    }
}
