/// Writes samples in the Prometheus text exposition format (version 0.0.4), grouped by metric
/// name with one HELP and TYPE line each, for `vigil resilience report --format prometheus`.
public enum PrometheusText {
    public static func render(_ samples: [ResilienceSample]) -> String {
        var order: [String] = []
        var byName: [String: [ResilienceSample]] = [:]
        for sample in samples {
            if byName[sample.name] == nil { order.append(sample.name) }
            byName[sample.name, default: []].append(sample)
        }
        var out = ""
        for name in order {
            guard let group = byName[name], let first = group.first else { continue }
            out += "# HELP \(name) \(escapeHelp(first.help))\n# TYPE \(name) \(first.kind.rawValue)\n"
            for sample in group {
                out += name
                if !sample.labels.isEmpty {
                    out += "{"
                    out += sample.labels.map { "\($0.name)=\"\(escapeLabel($0.value))\"" }.joined(separator: ",")
                    out += "}"
                }
                out += " " + format(sample.value) + "\n"
            }
        }
        return out
    }

    /// Go's formatting of a float as Prometheus prints it: NaN, +Inf, -Inf, integers plainly.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    static func escapeLabel(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    static func escapeHelp(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }
}
