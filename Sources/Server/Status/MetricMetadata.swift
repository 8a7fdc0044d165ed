import Prometheus
import VigilCore

/// `/api/v1/metadata`: the `# HELP` and `# TYPE` of every metric family the daemon exposes (its
/// own and the engine's, all in one registry), as Prometheus lists what its targets expose:
/// `{"name": [{"type", "help", "unit"}]}`.
enum MetricMetadata {
    struct Entry: Equatable {
        var type = "unknown"
        var help = ""
    }

    /// Reads the families from exposition text, in the order they appear.
    static func families(_ text: String) -> [(name: String, entry: Entry)] {
        var order: [String] = []
        var entries: [String: Entry] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") {
            let rest = line.dropFirst(7)
            let name = String(rest.prefix { $0 != " " })
            let value = String(rest.dropFirst(name.count).drop { $0 == " " })
            if entries[name] == nil {
                order.append(name)
                entries[name] = Entry()
            }
            if line.hasPrefix("# HELP ") {
                entries[name]?.help = unescape(value)
            } else {
                entries[name]?.type = value
            }
        }
        return order.compactMap { name in entries[name].map { (name, $0) } }
    }

    /// HELP text escapes `\\` and `\n`.
    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out = ""
        var escaped = false
        for character in text {
            if escaped {
                out.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }

    static func json(registry: PrometheusCollectorRegistry, metric: String?, limit: Int?, perMetric: Int?) -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        var families = families(String(decoding: buffer, as: UTF8.self)).sorted { $0.name < $1.name }
        if let metric { families = families.filter { $0.name == metric } }
        if let limit { families = Array(families.prefix(limit)) }
        var json = GoJSONWriter()
        json.raw(#"{"status":"success","data":"#)
        json.beginObject()
        for family in families {
            json.member(family.name)
            json.beginArray()
            if perMetric.map({ $0 > 0 }) ?? true {
                json.element()
                json.beginObject()
                json.member("type", string: family.entry.type)
                json.member("help", string: family.entry.help)
                json.member("unit", string: "")
                json.end("}")
            }
            json.end("]")
        }
        json.end("}")
        json.raw("}")
        return json.bytes
    }
}
