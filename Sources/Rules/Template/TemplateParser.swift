/// Parses the actions of a template into ``TemplateNode``s: pipelines with variables, functions and
/// fields, and the `if`/`else if`/`else`, `range` and `with` blocks alert templates use.
struct TemplateParser {
    private var pieces: [TemplateLexer.Piece]
    private var position = 0
    private let name: String

    /// The function names the template may call (Prometheus' or Alertmanager's set).
    let known: Set<String>

    init(_ text: String, name: String, known: Set<String> = TemplateFunctions.names) throws(TemplateError) {
        self.name = name
        self.known = known
        pieces = try TemplateLexer.pieces(text, name: name)
    }

    mutating func parse() throws(TemplateError) -> [TemplateNode] {
        let (nodes, terminator) = try list()
        if let terminator { throw error(terminator.line, "unexpected {{\(terminator.keyword)}}") }
        return nodes
    }

    private struct Terminator {
        var keyword: String
        var rest: Substring
        var line: Int
    }

    private func error(_ line: Int, _ message: String) -> TemplateError {
        TemplateError("template: \(name):\(line): \(message)")
    }

    /// Nodes up to an `else` or `end` (returned), or the end of the template (nil).
    private mutating func list() throws(TemplateError) -> ([TemplateNode], Terminator?) {
        var nodes: [TemplateNode] = []
        while position < pieces.count {
            let piece = pieces[position]
            position += 1
            switch piece {
            case .text(let text):
                if !text.isEmpty { nodes.append(.text(text)) }
            case .action(let body, let line):
                let trimmed = Substring(body).trimmingWhitespace
                let keyword = trimmed.prefix { !$0.isWhitespace && $0 != "(" }
                let rest = trimmed.dropFirst(keyword.count).trimmingWhitespace
                switch keyword {
                case "end", "else":
                    return (nodes, Terminator(keyword: String(keyword), rest: rest, line: line))
                case "if":
                    nodes.append(try conditional(rest, line: line))
                case "range", "with":
                    let pipeline = try TemplateActionParser.pipeline(rest, template: name, line: line, known: known)
                    let (body, terminator) = try list()
                    var otherwise: [TemplateNode] = []
                    if terminator?.keyword == "else" {
                        let (elseBody, end) = try list()
                        guard end?.keyword == "end" else { throw error(line, "unexpected EOF") }
                        otherwise = elseBody
                    } else if terminator?.keyword != "end" {
                        throw error(line, "unexpected EOF")
                    }
                    nodes.append(
                        keyword == "range"
                            ? .range(pipeline, body: body, otherwise: otherwise)
                            : .with(pipeline, body: body, otherwise: otherwise))
                case "define", "template", "block", "break", "continue":
                    throw error(line, "{{\(keyword)}} is not supported in alert templates")
                default:
                    nodes.append(
                        .action(try TemplateActionParser.pipeline(trimmed, template: name, line: line, known: known)))
                }
            }
        }
        return (nodes, nil)
    }

    private mutating func conditional(_ condition: Substring, line: Int) throws(TemplateError) -> TemplateNode {
        var branches: [(TemplatePipeline, [TemplateNode])] = []
        var current = try TemplateActionParser.pipeline(condition, template: name, line: line, known: known)
        while true {
            let (body, terminator) = try list()
            branches.append((current, body))
            guard let terminator else { throw error(line, "unexpected EOF") }
            if terminator.keyword == "end" { return .conditional(branches: branches, otherwise: []) }
            if terminator.rest.hasPrefix("if ") || terminator.rest.hasPrefix("if\t") {
                current = try TemplateActionParser.pipeline(
                    terminator.rest.dropFirst(2).trimmingWhitespace, template: name, line: terminator.line, known: known
                )
                continue
            }
            let (otherwise, end) = try list()
            guard end?.keyword == "end" else { throw error(line, "unexpected EOF") }
            return .conditional(branches: branches, otherwise: otherwise)
        }
    }
}
