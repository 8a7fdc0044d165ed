import TimeSeries
import VigilCore

/// Reads one `incident_policies` entry: `matchers` (Alertmanager matcher strings), `severity`
/// (`P1`…`P4`, default P1) and `key` (a label name, default `component`), every problem at its
/// position.
enum IncidentPolicyReader {
    static func read(_ value: YAMLValue) -> IncidentPolicy? {
        value.mapping { reader -> IncidentPolicy? in
            var matchers: [LabelMatcher] = []
            if let list = reader.required("matchers") {
                matchers = MatcherListReader.read(list) ?? []
                if matchers.isEmpty, list.sequence({ Optional($0) })?.isEmpty == true {
                    list.report(
                        "an incident policy needs at least one matcher: with none, every alert would open an incident")
                }
            }
            let severity =
                reader.string(
                    "severity",
                    check: { text in
                        IncidentSeverity(rawValue: text.uppercased()) == nil
                            ? "unknown severity \"\(text)\": one of P1, P2, P3, P4" : nil
                    }
                ).flatMap { IncidentSeverity(rawValue: $0.uppercased()) } ?? .p1
            let key =
                reader.string(
                    "key",
                    check: { name in
                        name.isEmpty || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
                            || name.first?.isNumber == true
                            ? "invalid label name \"\(name)\"" : nil
                    }) ?? "component"
            return IncidentPolicy(matchers: matchers, severity: severity, key: key)
        }.flatMap { $0 }
    }
}
