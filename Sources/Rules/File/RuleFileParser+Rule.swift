import PromQL
import TimeSeries
import VigilCore

extension RuleFileParser {
    /// The fields a rule may have; any other key is an error, as with Go's `KnownFields(true)`.
    private static let ruleFields = ["record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations"]

    /// One `rules[]` entry checked as rulefmt's `RuleNode.Validate` checks it, each problem reported
    /// where promtool reports it (at the `record:` node for recording-rule restrictions, at `expr:`
    /// for expression problems) or, where promtool has no position, at the offending key or value.
    static func readRule(_ rule: YAMLMappingReader, group: String, index: Int) -> RuleDefinition? {
        // `record`, `alert` and `expr` are Go yaml.Nodes: any node is accepted and its scalar text
        // (`~` included, "" for a mapping or list) is what counts. A second reader sees null values
        // too; the first one still reports unknown keys.
        for field in ruleFields { _ = rule.value(field) }
        let raw = rule.value.mapping { $0.allEntries() } ?? []
        func node(_ key: String) -> YAMLValue? { raw.first { $0.name == key }?.value }
        let record = node("record")
        let alert = node("alert")
        let expr = node("expr")
        let recordName = record?.scalarText ?? ""
        let alertName = alert?.scalarText ?? ""
        let name = alertName.isEmpty ? recordName : alertName
        let context = "group \"\(group)\", rule \(index), \"\(name)\""
        let diagnostics = rule.value.diagnostics
        func report(_ message: String, at location: YAMLLocation?) {
            diagnostics.report(problem(at: location ?? rule.location, "\(context): \(message)"))
        }

        if let record, let alert, !recordName.isEmpty, !alertName.isEmpty {
            // promtool: "5:17: 4:16: group …" (the record node, then the alert node).
            let alertPosition = "\(alert.location.line):\(alert.location.column)"
            diagnostics.report(
                problem(
                    at: record.location,
                    "\(alertPosition): \(context): only one of 'record' and 'alert' must be set"))
        } else if recordName.isEmpty && alertName.isEmpty {
            // promtool says 0:0 (the absent record node); the rule itself is more helpful.
            report("one of 'record' or 'alert' must be set", at: record?.location)
        }

        let exprText = expr?.scalarText ?? ""
        var expression: Expr?
        if exprText.isEmpty {
            report("field 'expr' must be set in rule", at: expr?.location)
        } else {
            do {
                expression = try PromQLParser.parse(exprText)
            } catch {
                report("could not parse expression: \(error)", at: expr?.location)
            }
        }

        let holdDuration = rule.duration("for")?.milliseconds ?? 0
        let keepFiringFor = rule.duration("keep_firing_for")?.milliseconds ?? 0
        let labels = readPairs(rule.value("labels"))
        let annotations = readPairs(rule.value("annotations"))
        if !recordName.isEmpty {
            if !annotations.isEmpty { report("invalid field 'annotations' in recording rule", at: record?.location) }
            if holdDuration != 0 { report("invalid field 'for' in recording rule", at: record?.location) }
            if keepFiringFor != 0 {
                report("invalid field 'keep_firing_for' in recording rule", at: record?.location)
            }
            if !isMetricName(recordName) { report("invalid recording rule name: \(recordName)", at: record?.location) }
        }
        for pair in labels where !isLabelName(pair.name) || pair.name == Label.metricName {
            report("invalid label name: \(pair.name)", at: pair.key.location)
        }
        for pair in annotations where !isLabelName(pair.name) {
            report("invalid annotation name: \(pair.name)", at: pair.key.location)
        }
        if !alertName.isEmpty {
            // rulefmt's testTemplateParsing: alerting rules' labels and annotations must parse as templates.
            for (kind, pairs) in [("label", labels), ("annotation", annotations)] {
                for pair in pairs {
                    do {
                        _ = try AlertTemplate(pair.text, name: "__alert_" + alertName)
                    } catch {
                        report("\(kind) \"\(pair.name)\": \(error)", at: pair.value.location)
                    }
                }
            }
        }

        guard let expression else { return nil }
        return RuleDefinition(
            kind: alertName.isEmpty ? .recording : .alerting, name: name, expression: expression,
            expressionText: exprText, holdDuration: holdDuration, keepFiringFor: keepFiringFor,
            labels: Labels(labels.map { Label($0.name, $0.text) }),
            annotations: Labels(annotations.map { Label($0.name, $0.text) }),
            location: rule.location)
    }

    /// One entry of `labels:` or `annotations:`, with its positions.
    private struct Pair {
        var name: String
        var text: String
        var key: YAMLValue
        var value: YAMLValue
    }

    /// A `labels:` / `annotations:` mapping in file order; a null value reads as "" (Go's zero value),
    /// a list or mapping as a value is reported.
    private static func readPairs(_ value: YAMLValue?) -> [Pair] {
        guard let value else { return [] }
        return value.mapping { reader in
            reader.allEntries().compactMap { entry in
                let text = entry.value.isNull ? "" : entry.value.string()
                return text.map { Pair(name: entry.name, text: $0, key: entry.key, value: entry.value) }
            }
        } ?? []
    }
}
