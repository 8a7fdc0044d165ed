import Foundation
import PromQL
import TimeSeries
import VigilCore

/// Reads Prometheus rule files and judges them as Prometheus 2.42's `rulefmt` does.
///
/// Ops teams paste their Prometheus files unchanged, so the format is exactly Prometheus' (unknown
/// fields are errors) and the problems carry promtool's wording behind `FILE:LINE:COL`
/// (`group "g", rule 1, "x": could not parse expression: 1:7: parse error: …`). Every problem is
/// collected, so one run of `vigil check rules` shows them all.
public enum RuleFileParser {
    /// Reads the file at `path` (as named: relative to the working directory).
    public static func load(path: String) throws(RuleFileError) -> RuleFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RuleFileError(errors: [
                YAMLError(location: .wholeFile(path), keyPath: "", message: "cannot read rule file")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleFileError(errors: [
                YAMLError(location: .wholeFile(path), keyPath: "", message: "rule file is not valid UTF-8 text")
            ])
        }
        return try parse(text, file: path)
    }

    /// Parses and validates `text`, naming `file` in every error.
    public static func parse(_ text: String, file: String) throws(RuleFileError) -> RuleFile {
        let document: YAMLDocument
        do {
            document = try YAMLDocument.parse(yaml: text, file: file)
        } catch {
            throw RuleFileError(errors: [error])
        }
        let diagnostics = YAMLDiagnostics()
        let root = document.root(reportingTo: diagnostics)
        var groups: [RuleGroupDefinition] = []
        if !root.isNull {
            root.mapping { top in
                var names = Set<String>()
                groups =
                    top.sequence("groups") { value in
                        value.mapping { readGroup($0, names: &names) } ?? nil
                    } ?? []
            }
        }
        guard diagnostics.isEmpty else { throw RuleFileError(errors: diagnostics.sortedErrors) }
        return RuleFile(path: file, groups: groups)
    }

    private static func readGroup(_ group: YAMLMappingReader, names: inout Set<String>) -> RuleGroupDefinition? {
        let name = group.string("name") ?? ""
        if name.isEmpty {
            group.value.report("Groupname must not be empty")
        } else if !names.insert(name).inserted {
            group.report("groupname: \"\(name)\" is repeated in the same file", at: "name")
        }
        let interval = group.duration("interval")?.milliseconds
        let limit = group.int("limit") ?? 0
        var index = 0
        let rules =
            group.sequence("rules") { value -> RuleDefinition? in
                index += 1
                return value.mapping { readRule($0, group: name, index: index) } ?? nil
            } ?? []
        return RuleGroupDefinition(
            name: name, interval: interval, limit: limit, rules: rules, location: group.location)
    }

    private static func readRule(_ rule: YAMLMappingReader, group: String, index: Int) -> RuleDefinition? {
        let record = rule.value("record")
        let alert = rule.value("alert")
        let recordName = record?.string() ?? ""
        let alertName = alert?.string() ?? ""
        let name = recordName.isEmpty ? alertName : recordName
        let context = "group \"\(group)\", rule \(index), \"\(name)\""
        func problem(_ message: String, at value: YAMLValue? = nil) {
            let target = value ?? rule.value
            rule.value.diagnostics.report(
                YAMLError(location: target.location, keyPath: "", message: "\(context): \(message)"))
        }
        if !recordName.isEmpty && !alertName.isEmpty {
            problem("only one of 'record' and 'alert' must be set", at: record)
        } else if recordName.isEmpty && alertName.isEmpty {
            problem("one of 'record' or 'alert' must be set")
        }
        let exprValue = rule.value("expr")
        let exprText = exprValue?.string() ?? ""
        var expression: Expr?
        if exprText.isEmpty {
            problem("field 'expr' must be set in rule")
        } else {
            do {
                expression = try PromQLParser.parse(exprText)
            } catch {
                problem("could not parse expression: \(error)", at: exprValue)
            }
        }
        let hold = rule.value("for")
        let keepFiring = rule.value("keep_firing_for")
        let holdDuration = hold?.duration()?.milliseconds ?? 0
        let keepFiringFor = keepFiring?.duration()?.milliseconds ?? 0
        let labels = readPairs(rule.value("labels"))
        let annotations = readPairs(rule.value("annotations"))
        if !recordName.isEmpty {
            if !annotations.isEmpty {
                problem("invalid field 'annotations' in recording rule", at: rule.value("annotations"))
            }
            if holdDuration != 0 { problem("invalid field 'for' in recording rule", at: hold) }
            if keepFiringFor != 0 { problem("invalid field 'keep_firing_for' in recording rule", at: keepFiring) }
            if !Self.isMetricName(recordName) { problem("invalid recording rule name: \(recordName)", at: record) }
        }
        for (key, value, position) in labels where !Self.isLabelName(key) || key == Label.metricName {
            _ = value
            problem("invalid label name: \(key)", at: position)
        }
        for (key, _, position) in annotations where !Self.isLabelName(key) {
            problem("invalid annotation name: \(key)", at: position)
        }
        if !alertName.isEmpty {
            for (key, text, position) in labels + annotations {
                do {
                    _ = try AlertTemplate(text, name: "__alert_" + alertName)
                } catch {
                    problem("msg=template: \(key): \(error)", at: position)
                }
            }
        }
        guard let expression else { return nil }
        return RuleDefinition(
            kind: recordName.isEmpty ? .alerting : .recording, name: name, expression: expression,
            expressionText: exprText, holdDuration: holdDuration, keepFiringFor: keepFiringFor,
            labels: Labels(labels.map { Label($0.0, $0.1) }),
            annotations: Labels(annotations.map { Label($0.0, $0.1) }),
            location: rule.location)
    }

    /// A `labels:` / `annotations:` mapping in file order, each value with its position.
    private static func readPairs(_ value: YAMLValue?) -> [(String, String, YAMLValue)] {
        guard let value else { return [] }
        return value.mapping { reader in
            reader.allEntries().compactMap { entry in
                guard let text = entry.value.string() else { return nil }
                return (entry.name, text, entry.key)
            }
        } ?? []
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`, Prometheus' label names.
    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || isDigit($0) }
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`, Prometheus' metric names.
    static func isMetricName(_ name: String) -> Bool {
        let colon = UInt8(ascii: ":")
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || first == colon || isLetter(first) else {
            return false
        }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || $0 == colon || isLetter($0) || isDigit($0) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
