import TimeSeries
import VigilCore

/// Reads one `inhibit_rules` entry: `source_matchers` / `target_matchers` (and the legacy
/// `source_match`, `source_match_re`, `target_match`, `target_match_re`) and `equal`.
enum InhibitRuleReader {
    static func read(_ value: YAMLValue) -> InhibitRule? {
        value.mapping { reader -> InhibitRule in
            let source = side(reader, prefix: "source")
            let target = side(reader, prefix: "target")
            let equal =
                reader.sequence("equal") { item -> String? in
                    guard let name = item.string() else { return nil }
                    guard Label.isValidName(name) else {
                        item.report("invalid label name \"\(name)\" in equal list")
                        return nil
                    }
                    return name
                } ?? []
            return InhibitRule(sourceMatchers: source, targetMatchers: target, equal: equal)
        }
    }

    private static func side(_ reader: YAMLMappingReader, prefix: String) -> [LabelMatcher] {
        var matchers = MatcherListReader.legacy(reader, equal: prefix + "_match", regex: prefix + "_match_re")
        if let list = reader.value(prefix + "_matchers") {
            matchers += MatcherListReader.read(list) ?? []
        }
        return matchers
    }
}
