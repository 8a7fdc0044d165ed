/// Parses the actions of a template into ``TemplateNode``s: pipelines with variables, functions and
/// fields, and the `if`/`else if`/`else`, `range` and `with` blocks alert templates use.
struct TemplateParser {
    private var pieces: [TemplateLexer.Piece]
    private var position = 0
    private let name: String

    /// The function names the template may call (Prometheus' or Alertmanager's set).
    let known: Set<String>
    /// The templates `{{ template "name" }}` may run; nil: the action is refused (alert templates).
    let named: Set<String>?
    /// In a template file: the `{{ define "name" }}` blocks read so far (other top-level text is
    /// ignored, as Alertmanager ignores it); nil elsewhere, where `define` is refused.
    private(set) var defined: [String: [TemplateNode]]?
    /// The variables in scope, innermost block last; a reference to any other is a parse error, as
    /// in Go ("undefined variable").
    private var scopes: [Set<String>]

    /// The variables Prometheus defines for every alert template (it prepends their declarations).
    static let alertVariables: Set<String> = ["$", "$labels", "$externalLabels", "$externalURL", "$value"]

    init(
        _ text: String, name: String, known: Set<String> = TemplateFunctions.names,
        predefined: Set<String> = TemplateParser.alertVariables, named: Set<String>? = nil,
        definesTemplates: Bool = false
    ) throws(TemplateError) {
        self.name = name
        self.known = known
        self.named = named
        defined = definesTemplates ? [:] : nil
        scopes = [predefined]
        pieces = try TemplateLexer.pieces(text, name: name)
    }

    /// Parses one action's pipeline, declares the variables it declares in the current scope, and
    /// checks that every variable it uses is in scope.
    private mutating func pipeline(_ text: Substring, line: Int) throws(TemplateError) -> TemplatePipeline {
        let pipeline = try TemplateActionParser.pipeline(text, template: name, line: line, known: known)
        // As Go's parser: the declared (or assigned) names are in scope from the declaration on, its own
        // pipeline included; an assignment to an undeclared name fails only when it runs.
        scopes[scopes.count - 1].formUnion(pipeline.variables)
        try check(pipeline, line: line)
        return pipeline
    }

    private func isDefined(_ variable: String) -> Bool {
        scopes.contains { $0.contains(variable) }
    }

    private func check(_ pipeline: TemplatePipeline, line: Int) throws(TemplateError) {
        for command in pipeline.commands {
            for operand in command.operands {
                switch operand {
                case .variable(let variable, _) where !isDefined(variable):
                    throw error(line, "undefined variable \"\(variable)\"")
                case .parenthesized(let inner, _):
                    try check(inner, line: line)
                default: break
                }
            }
        }
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
                    // Variables declared here live until the block's {{end}}, its {{else}} included.
                    try enterBlock(line: line)
                    scopes.append([])
                    defer { scopes.removeLast() }
                    let pipeline = try self.pipeline(rest, line: line)
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
                case "template" where named != nil:
                    nodes.append(try include(rest, line: line))
                case "define" where defined != nil && scopes.count == 1:
                    guard rest.hasPrefix("\""), rest.hasSuffix("\""), rest.count >= 2 else {
                        throw error(line, "define needs a quoted name: {{ define \"name\" }}")
                    }
                    let template = String(rest.dropFirst().dropLast())
                    scopes.append([])
                    let (body, terminator) = try list()
                    scopes.removeLast()
                    guard terminator?.keyword == "end" else { throw error(line, "unexpected EOF in define clause") }
                    defined?[template] = body
                case "define", "template", "block", "break", "continue":
                    throw error(line, "{{\(keyword)}} is not supported in alert templates")
                default:
                    nodes.append(.action(try pipeline(trimmed, line: line)))
                }
            }
        }
        return (nodes, nil)
    }

    /// `template "name" [pipeline]`: the name must be one of ``named``.
    private mutating func include(_ rest: Substring, line: Int) throws(TemplateError) -> TemplateNode {
        let parsed = try pipeline(rest, line: line)
        guard var first = parsed.commands.first, case .string(let template)? = first.operands.first,
            parsed.variables.isEmpty
        else { throw error(line, "missing name in template clause") }
        guard named?.contains(template) == true else { throw error(line, "no such template \"\(template)\"") }
        first.operands.removeFirst()
        var argument = parsed
        argument.commands[0] = first
        if first.operands.isEmpty { argument.commands.removeFirst() }
        return .include(template, argument.commands.isEmpty ? nil : argument)
    }

    /// Blocks nest by recursion here and in the evaluator; thousands would overflow the stack (found by
    /// the fuzzer), so the nesting stops at ``maxBlockDepth`` (Go's own limit is its stack).
    private func enterBlock(line: Int) throws(TemplateError) {
        if scopes.count > Self.maxBlockDepth { throw error(line, "blocks nested deeper than \(Self.maxBlockDepth)") }
    }

    static let maxBlockDepth = 100

    private mutating func conditional(_ condition: Substring, line: Int) throws(TemplateError) -> TemplateNode {
        try enterBlock(line: line)
        scopes.append([])
        defer { scopes.removeLast() }
        var branches: [(TemplatePipeline, [TemplateNode])] = []
        var current = try pipeline(condition, line: line)
        while true {
            let (body, terminator) = try list()
            branches.append((current, body))
            guard let terminator else { throw error(line, "unexpected EOF") }
            if terminator.keyword == "end" { return .conditional(branches: branches, otherwise: []) }
            if terminator.rest.hasPrefix("if ") || terminator.rest.hasPrefix("if\t") {
                current = try pipeline(terminator.rest.dropFirst(2).trimmingWhitespace, line: terminator.line)
                continue
            }
            let (otherwise, end) = try list()
            guard end?.keyword == "end" else { throw error(line, "unexpected EOF") }
            return .conditional(branches: branches, otherwise: otherwise)
        }
    }
}
