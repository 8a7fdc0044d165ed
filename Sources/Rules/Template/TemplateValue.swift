import PromQL

/// A value inside a template: what Go's reflection would see for the alert data, query results and
/// literals, with Go's printing (`%v`) and truthiness.
enum TemplateValue: Sendable {
    case string(String)
    case float(Double)
    case int(Int)
    case bool(Bool)
    /// Maps and structs (`$labels`, the root data, a query sample with `Labels` and `Value`).
    case dict([String: TemplateValue])
    case list([TemplateValue])
    /// `safeHtml`'s result: printed as is.
    case html(String)
    case null

    /// `fmt.Sprint(value)`.
    var printed: String {
        switch self {
        case .string(let text), .html(let text): return text
        case .float(let value): return GoFloatRendering.general(value)
        case .int(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .dict(let entries):
            if let labels = entries["Labels"], let value = entries["Value"], entries.count == 2 {
                return "{\(labels.printed) \(value.printed)}"
            }
            return "map[" + entries.keys.sorted().map { "\($0):\(entries[$0]?.printed ?? "")" }.joined(separator: " ")
                + "]"
        case .list(let values): return "[" + values.map(\.printed).joined(separator: " ") + "]"
        case .null: return "<no value>"
        }
    }

    /// Go's `truth`: false, 0, "", empty maps and lists and nil are false.
    var isTrue: Bool {
        switch self {
        case .string(let text), .html(let text): return !text.isEmpty
        case .float(let value): return value != 0
        case .int(let value): return value != 0
        case .bool(let value): return value
        case .dict(let entries): return !entries.isEmpty
        case .list(let values): return !values.isEmpty
        case .null: return false
        }
    }

    /// The Go type name, for error messages.
    var typeName: String {
        switch self {
        case .string: return "string"
        case .html: return "template.HTML"
        case .float: return "float64"
        case .int: return "int"
        case .bool: return "bool"
        case .dict: return "map[string]interface {}"
        case .list: return "[]interface {}"
        case .null: return "<nil>"
        }
    }

    /// `.Field` of a map or struct; a missing key is the empty string (Prometheus runs its templates with
    /// `missingkey=zero`).
    func field(_ name: String, template: String) throws(TemplateError) -> TemplateValue {
        switch self {
        case .dict(let entries):
            if let value = entries[name] { return value }
            // Alertmanager's KV methods on label and annotation maps.
            switch name {
            case "SortedPairs":
                return .list(
                    entries.keys.sorted().map { .dict(["Name": .string($0), "Value": entries[$0] ?? .string("")]) })
            case "Names": return .list(entries.keys.sorted().map { .string($0) })
            case "Values": return .list(entries.keys.sorted().map { entries[$0] ?? .string("") })
            default: return .string("")
            }
        case .list(let values) where name == "Names" || name == "Values":
            // Alertmanager's Pairs.Names and Pairs.Values on `.SortedPairs`.
            return .list(
                values.map { (try? $0.field(name == "Names" ? "Name" : "Value", template: template)) ?? .null })
        case .list(let values) where name == "Firing" || name == "Resolved":
            // Alertmanager's Alerts.Firing and Alerts.Resolved.
            let status = name.lowercased()
            return .list(
                values.filter { value in
                    if case .string(let text)? = try? value.field("Status", template: template) {
                        return text == status
                    }
                    return false
                })
        case .null: return .null
        default:
            throw TemplateError(
                "template: \(template): can't evaluate field \(name) in type \(typeName)")
        }
    }

    /// Prometheus' `convertToFloat`: numbers, and strings that parse as one.
    func float(function: String) throws(TemplateError) -> Double {
        switch self {
        case .float(let value): return value
        case .int(let value): return Double(value)
        case .string(let text):
            guard let value = Double(text) else {
                throw TemplateError(
                    "error calling \(function): strconv.ParseFloat: parsing \"\(text)\": invalid syntax")
            }
            return value
        default: throw TemplateError("error calling \(function): can't convert \(typeName) to float")
        }
    }
}
