import Foundation
import PromQL

/// Runs a parsed template: Go's text/template semantics for the constructs alert templates use, with
/// variables scoped to their block and the function table of ``TemplateFunctions``.
struct TemplateEvaluator {
    let name: String
    let functions: TemplateFunctions
    /// What `{{ template "name" }}` runs.
    var named: [String: [TemplateNode]] = [:]
    /// How many `{{ template }}` calls deep this run is; a template that (through others) calls
    /// itself stops at ``maxDepth`` with an error instead of exhausting the stack.
    var depth = 0
    static let maxDepth = 100

    func run(_ nodes: [TemplateNode], dot: TemplateValue, variables: inout [String: TemplateValue])
        throws(TemplateError) -> String
    {
        var output = ""
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .action(let pipeline):
                let value = try evaluate(pipeline, dot: dot, variables: &variables)
                if pipeline.variables.isEmpty { output += value.printed }
            case .conditional(let branches, let otherwise):
                var taken = false
                for (condition, body) in branches {
                    var inner = variables
                    if try evaluate(condition, dot: dot, variables: &inner).isTrue {
                        output += try run(body, dot: dot, variables: &inner)
                        merge(inner, into: &variables)
                        taken = true
                        break
                    }
                }
                if !taken { output += try block(otherwise, dot: dot, variables: &variables) }
            case .with(let pipeline, let body, let otherwise):
                var inner = variables
                let value = try evaluate(pipeline, dot: dot, variables: &inner)
                if value.isTrue {
                    output += try run(body, dot: value, variables: &inner)
                    merge(inner, into: &variables)
                } else {
                    output += try block(otherwise, dot: dot, variables: &variables)
                }
            case .range(let pipeline, let body, let otherwise):
                var declared = pipeline
                declared.variables = []
                var inner = variables
                let value = try evaluate(declared, dot: dot, variables: &inner)
                let elements: [(TemplateValue, TemplateValue)]
                switch value {
                case .list(let values): elements = values.enumerated().map { (.int($0.offset), $0.element) }
                case .dict(let entries): elements = entries.keys.sorted().map { (.string($0), entries[$0] ?? .null) }
                case .int(let count): elements = (0..<max(count, 0)).map { (.int($0), .int($0)) }
                case .null: elements = []
                default: throw TemplateError("template: \(name): range can't iterate over \(value.printed)")
                }
                if elements.isEmpty {
                    output += try block(otherwise, dot: dot, variables: &variables)
                    continue
                }
                for (key, element) in elements {
                    var scope = inner
                    if pipeline.variables.count == 1 {
                        scope[pipeline.variables[0]] = element
                    } else if pipeline.variables.count == 2 {
                        scope[pipeline.variables[0]] = key
                        scope[pipeline.variables[1]] = element
                    }
                    output += try run(body, dot: element, variables: &scope)
                    merge(scope, into: &inner)
                }
                merge(inner, into: &variables)
            case .include(let template, let pipeline):
                var inner = variables
                let value =
                    try pipeline.map { pipeline throws(TemplateError) in
                        try evaluate(pipeline, dot: dot, variables: &inner)
                    } ?? .null
                guard let nodes = named[template] else {
                    throw TemplateError("template: \(name): no such template \"\(template)\"")
                }
                guard depth < Self.maxDepth else {
                    throw TemplateError(
                        "template: \(name): exceeded maximum template depth (\(Self.maxDepth)) running \"\(template)\"")
                }
                var deeper = self
                deeper.depth += 1
                var scope: [String: TemplateValue] = ["$": value]
                output += try deeper.run(nodes, dot: value, variables: &scope)
            }
        }
        return output
    }

    private func block(_ nodes: [TemplateNode], dot: TemplateValue, variables: inout [String: TemplateValue])
        throws(TemplateError) -> String
    {
        var inner = variables
        let output = try run(nodes, dot: dot, variables: &inner)
        merge(inner, into: &variables)
        return output
    }

    /// Assignments to variables of the enclosing scope survive the block; declarations inside it do not.
    private func merge(_ inner: [String: TemplateValue], into outer: inout [String: TemplateValue]) {
        for key in outer.keys { if let value = inner[key] { outer[key] = value } }
    }

    func evaluate(_ pipeline: TemplatePipeline, dot: TemplateValue, variables: inout [String: TemplateValue])
        throws(TemplateError) -> TemplateValue
    {
        var value: TemplateValue?
        for command in pipeline.commands {
            value = try execute(command, dot: dot, variables: &variables, piped: value)
        }
        let result = value ?? .null
        if pipeline.isAssignment {
            for variable in pipeline.variables {
                guard variables[variable] != nil else {
                    throw TemplateError("template: \(name): undefined variable: \(variable)")
                }
                variables[variable] = result
            }
        } else if let variable = pipeline.variables.first {
            variables[variable] = result
        }
        return result
    }

    private func execute(
        _ command: TemplateCommand, dot: TemplateValue, variables: inout [String: TemplateValue], piped: TemplateValue?
    ) throws(TemplateError) -> TemplateValue {
        guard let head = command.operands.first else { return .null }
        if case .identifier(let function) = head {
            var arguments: [TemplateValue] = []
            for operand in command.operands.dropFirst() {
                arguments.append(try value(of: operand, dot: dot, variables: &variables))
            }
            if let piped { arguments.append(piped) }
            return try functions.call(function, arguments)
        }
        // Alertmanager's KV.Remove(names): the label map without those names.
        if command.operands.count == 2, piped == nil, let (base, last) = Self.split(head), last == "Remove" {
            let map = try value(of: base, dot: dot, variables: &variables)
            let names = try value(of: command.operands[1], dot: dot, variables: &variables)
            guard case .dict(var entries) = map, case .list(let list) = names else {
                throw TemplateError("template: \(name): Remove needs a label map and a list of names")
            }
            for case .string(let removed) in list { entries[removed] = nil }
            return .dict(entries)
        }
        guard command.operands.count == 1, piped == nil else {
            throw TemplateError("template: \(name): can't give argument to non-function \(head)")
        }
        return try value(of: head, dot: dot, variables: &variables)
    }

    private func value(of operand: TemplateOperand, dot: TemplateValue, variables: inout [String: TemplateValue])
        throws(TemplateError) -> TemplateValue
    {
        switch operand {
        case .string(let text): return .string(text)
        case .number(let value, let isInteger):
            guard isInteger else { return .float(value) }
            guard let integer = Int(exactly: value) else {
                // As Go's text/template does with an integer constant past int64.
                throw TemplateError("template: \(name): \(String(format: "%.0f", value)) overflows int")
            }
            return .int(integer)
        case .bool(let value): return .bool(value)
        case .null: return .null
        case .dot(let fields): return try follow(dot, fields)
        case .variable(let variable, let fields):
            guard let value = variables[variable] else {
                throw TemplateError("template: \(name): undefined variable \"\(variable)\"")
            }
            return try follow(value, fields)
        case .identifier(let function): return try functions.call(function, [])
        case .parenthesized(let pipeline, let fields):
            var inner = variables
            return try follow(evaluate(pipeline, dot: dot, variables: &inner), fields)
        }
    }

    /// A field chain without its last field, and that field: `.CommonLabels.Remove` → (`.CommonLabels`, Remove).
    private static func split(_ operand: TemplateOperand) -> (TemplateOperand, String)? {
        switch operand {
        case .dot(let fields) where !fields.isEmpty: (.dot(fields: Array(fields.dropLast())), fields[fields.count - 1])
        case .variable(let variable, let fields) where !fields.isEmpty:
            (.variable(variable, fields: Array(fields.dropLast())), fields[fields.count - 1])
        default: nil
        }
    }

    private func follow(_ value: TemplateValue, _ fields: [String]) throws(TemplateError) -> TemplateValue {
        var current = value
        for field in fields { current = try current.field(field, template: name) }
        return current
    }
}
