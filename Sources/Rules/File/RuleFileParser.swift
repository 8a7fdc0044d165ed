import Foundation
import PromQL
import TimeSeries
import VigilCore

/// Reads Prometheus rule files and judges them as Prometheus 2.42's `rulefmt` does.
///
/// Ops teams paste their Prometheus files unchanged, so the format is exactly Prometheus' (unknown
/// fields are errors, only the first YAML document counts) and the problems carry promtool's wording
/// behind `FILE:LINE:COL` (`group "g", rule 1, "x": could not parse expression: 1:7: parse error: …`).
/// Every problem is collected, so one run of `vigil check rules` shows them all.
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
    ///
    /// An empty file, a file of comments and `groups:` with nothing under it all hold no groups and
    /// are valid, as in Prometheus.
    public static func parse(_ text: String, file: String) throws(RuleFileError) -> RuleFile {
        let document: YAMLDocument
        do {
            document = try YAMLDocument.parse(yaml: String(firstDocument(of: text)), file: file)
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
                        // Go's yaml skips a null list item when decoding into a struct.
                        value.isNull ? nil : value.mapping { readGroup($0, names: &names) }
                    } ?? []
            }
        }
        guard diagnostics.isEmpty else {
            // A key that is not a string is reported by both readers of a rule; say it once.
            let sorted = diagnostics.sortedErrors
            let unique = sorted.enumerated().filter { $0.offset == 0 || sorted[$0.offset - 1] != $0.element }
            throw RuleFileError(errors: unique.map(\.element))
        }
        return RuleFile(path: file, groups: groups)
    }

    /// One `groups[]` entry; its name problems are reported at the entry, where promtool puts them.
    private static func readGroup(_ group: YAMLMappingReader, names: inout Set<String>) -> RuleGroupDefinition {
        let name = group.string("name") ?? ""
        if name.isEmpty {
            group.value.diagnostics.report(problem(at: group.location, "Groupname must not be empty"))
        }
        if !names.insert(name).inserted {
            group.value.diagnostics.report(
                problem(at: group.location, "groupname: \"\(name)\" is repeated in the same file"))
        }
        // rules/manager.go: an interval of 0 means the global evaluation interval.
        let interval = group.duration("interval")?.milliseconds
        let limit = group.int("limit") ?? 0
        var index = 0
        let rules =
            group.sequence("rules") { value -> RuleDefinition? in
                if value.isNull { return nil }  // skipped by Go's yaml, and not counted
                index += 1
                return value.mapping { readRule($0, group: name, index: index) } ?? nil
            } ?? []
        return RuleGroupDefinition(
            name: name, interval: interval == 0 ? nil : interval, limit: limit, rules: rules,
            location: group.location)
    }

    /// A problem without a key path, as rulefmt words its semantic errors.
    static func problem(at location: YAMLLocation, _ message: String) -> YAMLError {
        YAMLError(location: location, keyPath: "", message: message)
    }
}
