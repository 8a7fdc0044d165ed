import TimeSeries
import VigilCore

/// Reads one `route:` mapping and its children as Alertmanager 0.25's config does: `receiver`,
/// `matchers` (and the legacy `match` / `match_re`), `continue`, `group_by` (with `'...'`),
/// `group_wait`, `group_interval`, `repeat_interval`, `mute_time_intervals`,
/// `active_time_intervals` and `routes`; unset options are inherited from the parent.
enum RouteReader {
    /// The root route: it must name a receiver and may not have matchers or time intervals.
    static func readRoot(_ value: YAMLValue) -> EscalationFileParser.ReadRoute? {
        var references: [(kind: String, name: String, at: YAMLValue)] = []
        let defaults = RouteOptions(receiver: "")
        let route = value.mapping { reader -> Route? in
            if reader.value("receiver") == nil {
                reader.value.report("root route must specify a default receiver")
            }
            for key in ["match", "match_re", "matchers"] where reader.contains(key) {
                reader.report("root route must not have any matchers", at: key)
            }
            if reader.contains("mute_time_intervals") {
                reader.report("root route must not have any mute time intervals", at: "mute_time_intervals")
            }
            if reader.contains("active_time_intervals") {
                reader.report("root route must not have any active time intervals", at: "active_time_intervals")
            }
            if reader.bool("continue") == true {
                reader.report("cannot have continue in root route", at: "continue")
            }
            return read(reader, inheriting: defaults, references: &references)
        }
        guard let route = route.flatMap({ $0 }) else { return nil }
        return EscalationFileParser.ReadRoute(route: route, value: value, references: references)
    }

    static func read(
        _ reader: YAMLMappingReader, inheriting parent: RouteOptions,
        references: inout [(kind: String, name: String, at: YAMLValue)]
    ) -> Route? {
        var options = parent
        if let receiverValue = reader.value("receiver"), let receiver = receiverValue.string() {
            options.receiver = receiver
            references.append(("receiver", receiver, receiverValue))
        }
        if let groupBy = reader.value("group_by") {
            readGroupBy(groupBy, into: &options)
        }
        if let wait = reader.duration("group_wait") { options.groupWait = wait.milliseconds }
        if let interval = reader.duration(
            "group_interval", check: { $0.milliseconds == 0 ? "group_interval cannot be zero" : nil })
        {
            options.groupInterval = interval.milliseconds
        }
        if let repeatInterval = reader.duration(
            "repeat_interval", check: { $0.milliseconds == 0 ? "repeat_interval cannot be zero" : nil })
        {
            options.repeatInterval = repeatInterval.milliseconds
        }
        options.muteTimeIntervals = intervalNames(reader, "mute_time_intervals", references: &references) ?? []
        options.activeTimeIntervals = intervalNames(reader, "active_time_intervals", references: &references) ?? []
        let matchers = readMatchers(reader)
        let continues = reader.bool("continue") ?? false
        var children: [Route] = []
        if let list = reader.value("routes") {
            children =
                list.sequence { item in
                    item.mapping { read($0, inheriting: options, references: &references) }.flatMap { $0 }
                } ?? []
        }
        return Route(matchers: matchers, options: options, continues: continues, routes: children)
    }

    /// `match`, `match_re` and `matchers`, all together.
    static func readMatchers(_ reader: YAMLMappingReader) -> [LabelMatcher] {
        var matchers = MatcherListReader.legacy(reader, equal: "match", regex: "match_re")
        if let list = reader.value("matchers") {
            matchers += MatcherListReader.read(list) ?? []
        }
        return matchers
    }

    private static func readGroupBy(_ value: YAMLValue, into options: inout RouteOptions) {
        var seen = Set<String>()
        var names: [String] = []
        var all = false
        _ = value.sequence { item -> Void? in
            guard let name = item.string() else { return nil }
            if name == "..." {
                all = true
            } else if !Label.isValidName(name) {
                item.report("invalid label name \"\(name)\" in group_by list")
            } else if !seen.insert(name).inserted {
                item.report("duplicated label \"\(name)\" in group_by")
            } else {
                names.append(name)
            }
            return nil
        }
        if all && !names.isEmpty {
            value.report("cannot have wildcard group_by (`...`) and other other labels at the same time")
        }
        // As Alertmanager: an empty list (no label, no `...`) leaves the inherited grouping alone.
        guard all || !names.isEmpty else { return }
        options.groupBy = names
        options.groupByAll = all
    }

    private static func intervalNames(
        _ reader: YAMLMappingReader, _ key: String, references: inout [(kind: String, name: String, at: YAMLValue)]
    ) -> [String]? {
        reader.sequence(key) { item in
            guard let name = item.string() else { return nil }
            references.append(("interval", name, item))
            return name
        }
    }
}

/// A `matchers:` list (routes, inhibit rules): each string parsed as Alertmanager parses it.
enum MatcherListReader {
    static func read(_ value: YAMLValue) -> [LabelMatcher]? {
        let lists: [[LabelMatcher]]? = value.sequence { item in
            guard let text = item.string() else { return nil }
            do {
                return try MatcherParser.parse(text)
            } catch {
                item.report("\(error)")
                return nil
            }
        }
        return lists?.flatMap { $0 }
    }

    /// The legacy `match` (equality) and `match_re` (regex) maps of label name to value.
    static func legacy(_ reader: YAMLMappingReader, equal: String, regex: String) -> [LabelMatcher] {
        var matchers: [LabelMatcher] = []
        for (key, kind) in [(equal, LabelMatcher.Kind.equal), (regex, .regexMatch)] {
            guard let map = reader.value(key) else { continue }
            map.mapping { entries in
                for entry in entries.allEntries() {
                    guard let name = entry.key.string(), let text = entry.value.string() else { continue }
                    guard Label.isValidName(name) else {
                        entry.key.report("invalid label name \"\(name)\"")
                        continue
                    }
                    // Alertmanager compiles `^(?:text)$` and reports Go's error on that text.
                    if kind == .regexMatch, let goError = GoRegexSyntax.error(in: "^(?:\(text))$") {
                        entry.value.report("error parsing regexp: \(goError)")
                        continue
                    }
                    do {
                        // Alertmanager keeps a legacy regex anchored (it shows so in route keys and group keys).
                        let value = kind == .regexMatch ? "^(?:\(text))$" : text
                        matchers.append(try LabelMatcher(name, kind, value))
                    } catch let error as InvalidRegexError {
                        entry.value.report("invalid regular expression \"\(text)\": \(error.message)")
                    } catch {
                        entry.value.report("\(error)")
                    }
                }
            }
        }
        return matchers
    }
}
