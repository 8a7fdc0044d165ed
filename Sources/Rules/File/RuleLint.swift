import TimeSeries

/// promtool's duplicate-rule lint: two rules with the same name and labels write the same series (or
/// raise the same alerts), which makes recorded values flap between two expressions.
public enum RuleLint {
    /// One duplicated rule identity.
    public struct Duplicate: Sendable, Equatable {
        public var name: String
        public var labels: Labels

        public init(name: String, labels: Labels) {
            self.name = name
            self.labels = labels
        }
    }

    /// Rules of `file` (across its groups) sharing a name and label set, each listed once, sorted.
    public static func duplicates(in file: RuleFile) -> [Duplicate] {
        let rules = file.groups.flatMap(\.rules).map { Duplicate(name: $0.name, labels: $0.labels) }.sorted {
            ($0.name, $0.labels) < ($1.name, $1.labels)
        }
        var found: [Duplicate] = []
        for (previous, rule) in zip(rules, rules.dropFirst()) where previous == rule && found.last != rule {
            found.append(rule)
        }
        return found
    }

    /// promtool's wording for the lint (`1 duplicate rule(s) found.` then each metric and its labels).
    public static func message(for duplicates: [Duplicate]) -> String {
        var text = "\(duplicates.count) duplicate rule(s) found.\n"
        for duplicate in duplicates {
            text += "Metric: \(duplicate.name)\nLabel(s):\n"
            for label in duplicate.labels.pairs { text += "\t\(label.name): \(label.value)\n" }
        }
        return text + "Might cause inconsistency while recording expressions"
    }
}
