import PromQL
import TimeSeries
import VigilCore

/// The functions a template can call: Go's text/template builtins and Prometheus' template functions
/// (`humanize*`, `query`, `first`, `label`, `value`, `reReplaceAll`, …), with their error messages.
struct TemplateFunctions {
    let query: TemplateQuery
    let externalURL: String

    /// Every function name `call` knows, so an unknown one is a parse error as in Go.
    static let names: Set<String> = [
        "and", "args", "eq", "externalURL", "first", "ge", "graphLink", "gt", "html", "humanize", "humanize1024",
        "humanizeDuration", "humanizePercentage", "humanizeTimestamp", "index", "js", "label", "le", "len", "lt",
        "match", "ne", "not", "or", "pathPrefix", "print", "printf", "println", "query", "reReplaceAll", "safeHtml",
        "sortByLabel", "strvalue", "tableLink", "title", "toLower", "toUpper", "urlquery", "value",
    ]

    /// Alertmanager 0.25's notification templates: Go's builtins and its own few functions.
    static let alertmanagerNames: Set<String> = [
        "and", "eq", "ge", "gt", "html", "index", "join", "js", "le", "len", "lt", "match", "ne", "not", "or",
        "print", "printf", "println", "reReplaceAll", "safeHtml", "stringSlice", "title", "toLower", "toUpper",
        "urlquery",
    ]

    func call(_ name: String, _ arguments: [TemplateValue]) throws(TemplateError) -> TemplateValue {
        func argument(_ index: Int) throws(TemplateError) -> TemplateValue {
            guard index < arguments.count else {
                throw TemplateError("wrong number of args for \(name): want \(index + 1) got \(arguments.count)")
            }
            return arguments[index]
        }
        func string(_ index: Int) throws(TemplateError) -> String {
            let value = try argument(index)
            switch value {
            case .string(let text), .html(let text): return text
            default:
                throw TemplateError(
                    "error calling \(name): wrong type for value; expected string; got \(value.typeName)")
            }
        }
        func exactly(_ count: Int) throws(TemplateError) {
            guard arguments.count == count else {
                throw TemplateError("wrong number of args for \(name): want \(count) got \(arguments.count)")
            }
        }
        switch name {
        case "join":
            try exactly(2)
            guard case .list(let values) = try argument(1) else {
                throw TemplateError("error calling join: wrong type for value; expected []string")
            }
            return .string(values.map(\.printed).joined(separator: try string(0)))
        case "stringSlice":
            return .list(arguments)
        case "humanize":
            try exactly(1)
            return .string(TemplateHumanize.humanize(try argument(0).float(function: name)))
        case "humanize1024":
            try exactly(1)
            return .string(TemplateHumanize.humanize1024(try argument(0).float(function: name)))
        case "humanizeDuration":
            try exactly(1)
            return .string(TemplateHumanize.humanizeDuration(try argument(0).float(function: name)))
        case "humanizePercentage":
            try exactly(1)
            return .string(TemplateHumanize.humanizePercentage(try argument(0).float(function: name)))
        case "humanizeTimestamp":
            try exactly(1)
            return .string(try TemplateHumanize.humanizeTimestamp(try argument(0).float(function: name)))
        case "printf":
            return .string(GoPrintf.format(try string(0), Array(arguments.dropFirst())))
        case "print":
            return .string(Self.sprint(arguments))
        case "println":
            return .string(arguments.map(\.printed).joined(separator: " ") + "\n")
        case "toUpper":
            try exactly(1)
            return .string(try string(0).uppercased())
        case "toLower":
            try exactly(1)
            return .string(try string(0).lowercased())
        case "title":
            try exactly(1)
            return .string(Self.title(try string(0)))
        case "safeHtml":
            try exactly(1)
            return .html(try string(0))
        case "match":
            try exactly(2)
            let regex = try Self.regex(string(0), name)
            let text = try string(1)
            return .bool((try? regex.firstMatch(in: text)) != nil)
        case "reReplaceAll":
            try exactly(3)
            return .string(try Self.replaceAll(pattern: string(0), template: string(1), in: string(2), function: name))
        case "query":
            try exactly(1)
            let samples: [VectorSample]
            do {
                samples = try query(try string(0))
            } catch {
                throw TemplateError("error calling query: \(error)")
            }
            return .list(samples.map(Self.sample))
        case "first":
            try exactly(1)
            guard case .list(let values) = try argument(0), let first = values.first else {
                throw TemplateError("error calling first: first() called on vector with no elements")
            }
            return first
        case "label":
            try exactly(2)
            return try argument(1).field("Labels", template: name).field(try string(0), template: name)
        case "value":
            try exactly(1)
            return try argument(0).field("Value", template: name)
        case "strvalue":
            try exactly(1)
            return try argument(0).field("Labels", template: name).field("__value__", template: name)
        case "sortByLabel":
            try exactly(2)
            guard case .list(let values) = try argument(1) else { return try argument(1) }
            let label = try string(0)
            let keyed = values.map { value in
                ((try? value.field("Labels", template: name).field(label, template: name))?.printed ?? "", value)
            }
            return .list(keyed.sorted { $0.0 < $1.0 }.map(\.1))
        case "args":
            var entries: [String: TemplateValue] = [:]
            for (index, value) in arguments.enumerated() { entries["arg\(index)"] = value }
            return .dict(entries)
        case "externalURL":
            return .string(externalURL)
        case "pathPrefix":
            return .string(Self.pathPrefix(externalURL))
        case "graphLink", "tableLink":
            try exactly(1)
            let tab = name == "graphLink" ? 0 : 1
            return .string(
                "/graph?g0.expr=\(Self.queryEscape(try string(0)))&g0.tab=\(tab)")
        case "and":
            guard let last = arguments.last else {
                throw TemplateError("wrong number of args for and: want at least 1 got 0")
            }
            return arguments.first { !$0.isTrue } ?? last
        case "or":
            guard let last = arguments.last else {
                throw TemplateError("wrong number of args for or: want at least 1 got 0")
            }
            return arguments.first { $0.isTrue } ?? last
        case "not":
            try exactly(1)
            return .bool(!(try argument(0)).isTrue)
        case "len":
            try exactly(1)
            switch try argument(0) {
            case .string(let text), .html(let text): return .int(text.utf8.count)
            case .list(let values): return .int(values.count)
            case .dict(let entries): return .int(entries.count)
            case let other: throw TemplateError("error calling len: len of type \(other.typeName)")
            }
        case "index":
            var value = try argument(0)
            for key in arguments.dropFirst() {
                switch (value, key) {
                case (.dict(let entries), .string(let text)): value = entries[text] ?? .string("")
                case (.list(let values), .int(let position)) where values.indices.contains(position):
                    value = values[position]
                default: throw TemplateError("error calling index: cannot index \(value.typeName) with \(key.typeName)")
                }
            }
            return value
        case "eq", "ne", "lt", "le", "gt", "ge":
            try exactly(name == "eq" ? max(arguments.count, 2) : 2)
            return .bool(try Self.compare(name, arguments))
        case "html":
            return .string(Self.htmlEscape(Self.sprint(arguments)))
        case "js":
            return .string(
                Self.sprint(arguments).replacingAll([
                    "\\": "\\\\", "'": "\\'", "\"": "\\\"", "<": "\\u003C", ">": "\\u003E",
                ]))
        case "urlquery":
            return .string(Self.queryEscape(Self.sprint(arguments)))
        default:
            throw TemplateError("function \"\(name)\" not defined")
        }
    }

    /// A query result sample as templates see it: `.Labels` (with `__name__`) and `.Value`.
    static func sample(_ sample: VectorSample) -> TemplateValue {
        var labels: [String: TemplateValue] = [:]
        for pair in sample.labels.pairs { labels[pair.name] = .string(pair.value) }
        return .dict(["Labels": .dict(labels), "Value": .float(sample.value)])
    }

    /// `fmt.Sprint`: spaces only between operands that are not both strings.
    static func sprint(_ values: [TemplateValue]) -> String {
        var output = ""
        for (index, value) in values.enumerated() {
            if index > 0 {
                let bothStrings = { (value: TemplateValue) -> Bool in
                    if case .string = value { return true }
                    return false
                }
                if !bothStrings(values[index - 1]) && !bothStrings(value) { output += " " }
            }
            output += value.printed
        }
        return output
    }

    static func title(_ text: String) -> String {
        var output = ""
        var previousIsLetter = false
        for character in text {
            output += previousIsLetter ? String(character) : character.uppercased()
            previousIsLetter = character.isLetter || character.isNumber || character == "_" || character == "'"
        }
        return output
    }

    static func regex(_ pattern: String, _ function: String) throws(TemplateError) -> Regex<AnyRegexOutput> {
        do {
            return try Regex(pattern)
        } catch {
            throw TemplateError("error calling \(function): error parsing regexp: \(pattern)")
        }
    }

    /// Go's `Regexp.ReplaceAllString`: `$1`, `${1}`, `$name` in the template refer to groups.
    static func replaceAll(pattern: String, template: String, in text: String, function: String)
        throws(TemplateError) -> String
    {
        let regex = try regex(pattern, function)
        return text.replacing(regex) { match in
            var output = ""
            var rest = Substring(template)
            while let dollar = rest.firstIndex(of: "$") {
                output += rest[..<dollar]
                rest = rest[rest.index(after: dollar)...]
                var name: Substring
                if rest.first == "{", let close = rest.firstIndex(of: "}") {
                    name = rest[rest.index(after: rest.startIndex)..<close]
                    rest = rest[rest.index(after: close)...]
                } else if rest.first == "$" {
                    output += "$"
                    rest = rest.dropFirst()
                    continue
                } else {
                    name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                    rest = rest.dropFirst(name.count)
                }
                if let number = Int(name) {
                    if number < match.output.count, let range = match.output[number].range { output += text[range] }
                } else if let group = match.output[String(name)], let range = group.range {
                    output += text[range]
                }
            }
            return output + rest
        }
    }

    static func compare(_ name: String, _ arguments: [TemplateValue]) throws(TemplateError) -> Bool {
        func ordered(_ left: TemplateValue, _ right: TemplateValue) throws(TemplateError) -> Int {
            switch (left, right) {
            case (.float(let a), .float(let b)): return a < b ? -1 : (a == b ? 0 : 1)
            case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
            case (.string(let a), .string(let b)): return a < b ? -1 : (a == b ? 0 : 1)
            case (.bool(let a), .bool(let b)) where name == "eq" || name == "ne": return a == b ? 0 : 1
            default: throw TemplateError("error calling \(name): incompatible types for comparison")
            }
        }
        switch name {
        case "eq":
            for other in arguments.dropFirst() where try ordered(arguments[0], other) == 0 { return true }
            return false
        case "ne": return try ordered(arguments[0], arguments[1]) != 0
        case "lt": return try ordered(arguments[0], arguments[1]) < 0
        case "le": return try ordered(arguments[0], arguments[1]) <= 0
        case "gt": return try ordered(arguments[0], arguments[1]) > 0
        default: return try ordered(arguments[0], arguments[1]) >= 0
        }
    }

    static func htmlEscape(_ text: String) -> String {
        text.replacingAll(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&#34;", "'": "&#39;"])
    }

    static func queryEscape(_ text: String) -> String {
        URLQueryEscape.escape(text)
    }

    static func pathPrefix(_ url: String) -> String {
        let parts = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[1].isEmpty else { return "" }
        return "/" + parts[3]
    }
}

extension String {
    /// Replaces each character key with its replacement, in one pass.
    fileprivate func replacingAll(_ replacements: [Character: String]) -> String {
        var output = ""
        for character in self { output += replacements[character] ?? String(character) }
        return output
    }
}
