import Alerting
import Foundation
import TimeSeries

/// `POST /api/v2/alerts` bodies read as Alertmanager 0.25 reads them: a JSON list of alerts with
/// `labels` (required), `annotations`, `startsAt`, `endsAt`, `generatorURL`; zero times (year 1,
/// as amtool sends them, or absent) mean unset; each alert validated on its own, the valid ones
/// kept even when others are refused.
enum PostedAlerts {
    /// A body Alertmanager's framework refuses before its handler (answered as `{"code","message"}`).
    struct FrameworkError: Error {
        var status: Int
        var code: Int
        var message: String
    }

    /// The alerts, completed with "now" and `resolve_timeout`, and the messages of the invalid ones.
    static func read(
        _ body: [UInt8], now: Int64, resolveTimeout: Int64
    ) throws(FrameworkError) -> (alerts: [PipelineAlert], problems: [String]) {
        guard !body.isEmpty else { throw FrameworkError(status: 422, code: 602, message: "alerts in body is required") }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
        } catch {
            throw FrameworkError(
                status: 400, code: 400, message: "parsing alerts body from \"\" failed, because unexpected EOF")
        }
        if parsed is NSNull { return ([], []) }
        guard let list = parsed as? [Any] else {
            throw FrameworkError(
                status: 400, code: 400,
                message:
                    "parsing alerts body from \"\" failed, because json: cannot unmarshal object into Go value of type models.PostableAlerts"
            )
        }
        var alerts: [PipelineAlert] = []
        var problems: [String] = []
        for (index, item) in list.enumerated() {
            guard let object = item as? [String: Any] else {
                throw FrameworkError(status: 400, code: 400, message: "parsing alerts body from \"\" failed")
            }
            guard let labelObject = object["labels"], !(labelObject is NSNull) else {
                throw FrameworkError(status: 422, code: 602, message: "\(index).labels in body is required")
            }
            let labels = try strings(labelObject, field: "labels")
            let annotations = try strings(object["annotations"] ?? [String: Any](), field: "annotations")
            var startsAt = try time(object["startsAt"], field: "startsAt")
            var endsAt = try time(object["endsAt"], field: "endsAt")
            let generator = object["generatorURL"] as? String ?? ""
            if !generator.isEmpty, URL(string: generator)?.scheme == nil {
                throw FrameworkError(
                    status: 422, code: 601,
                    message: "\(index).generatorURL in body must be of type uri: \"\(generator)\"")
            }
            if startsAt == nil { startsAt = endsAt ?? now }
            var timeout = false
            if endsAt == nil {
                endsAt = now + resolveTimeout
                timeout = true
            }
            let cleaned = labels.filter { !$0.value.isEmpty }
            if let problem = problem(labels: cleaned, annotations: annotations, startsAt: startsAt!, endsAt: endsAt!) {
                problems.append(problem)
                continue
            }
            alerts.append(
                PipelineAlert(
                    labels: Labels(cleaned), annotations: Labels(annotations.filter { !$0.value.isEmpty }),
                    startsAt: startsAt!, endsAt: endsAt!, generatorURL: generator, updatedAt: now, timeout: timeout))
        }
        return (alerts, problems)
    }

    /// Alertmanager's `Alert.Validate` order: times, label names, at least one label, annotations.
    static func problem(labels: [String: String], annotations: [String: String], startsAt: Int64, endsAt: Int64)
        -> String?
    {
        if endsAt < startsAt { return "start time must be before end time" }
        if let bad = labels.keys.sorted().first(where: { !Label.isValidName($0) }) {
            return "invalid label set: invalid name \"\(bad)\""
        }
        if labels.isEmpty { return "at least one label pair required" }
        if let bad = annotations.keys.sorted().first(where: { !Label.isValidName($0) }) {
            return "invalid annotations: invalid name \"\(bad)\""
        }
        return nil
    }

    static func strings(_ value: Any, field: String) throws(FrameworkError) -> [String: String] {
        if value is NSNull { return [:] }
        guard let object = value as? [String: Any] else {
            throw FrameworkError(
                status: 400, code: 400,
                message: "parsing alerts body from \"\" failed, because json: cannot unmarshal into field \(field)")
        }
        var result: [String: String] = [:]
        for (name, item) in object {
            guard let text = item as? String else {
                throw FrameworkError(
                    status: 400, code: 400,
                    message:
                        "parsing alerts body from \"\" failed, because json: cannot unmarshal number into Go struct field Alert.\(field) of type string"
                )
            }
            result[name] = text
        }
        return result
    }

    /// A posted time: nil when absent, null or Go's zero time (year 1); "" is the Unix epoch.
    static func time(_ value: Any?, field: String) throws(FrameworkError) -> Int64? {
        guard let value, !(value is NSNull) else { return nil }
        guard let text = value as? String else {
            throw FrameworkError(
                status: 400, code: 400,
                message:
                    "parsing alerts body from \"\" failed, because json: cannot unmarshal number into Go struct field .\(field) of type string"
            )
        }
        if text.isEmpty { return 0 }
        if text.hasPrefix("0001-01-01") { return nil }
        guard let milliseconds = LenientTime.milliseconds(text) else {
            throw FrameworkError(
                status: 400, code: 400,
                message: "parsing alerts body from \"\" failed, because parsing time \"\(text)\": cannot parse")
        }
        return milliseconds
    }
}

/// Times as go-openapi's strfmt accepts them: RFC 3339 with or without fractions, a space instead
/// of `T`, no zone (UTC), reduced to minutes.
enum LenientTime {
    static func milliseconds(_ text: String) -> Int64? {
        if let exact = RFC3339.milliseconds(text) { return exact }
        var candidate = text.replacingOccurrences(of: " ", with: "T")
        if candidate.count == 16 { candidate += ":00" }
        let hasZone =
            candidate.hasSuffix("Z") || candidate.dropFirst(19).contains("+") || candidate.dropFirst(19).contains("-")
        if !hasZone { candidate += "Z" }
        return RFC3339.milliseconds(candidate)
    }
}
