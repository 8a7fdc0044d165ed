/// Parses the inside of one action into a pipeline: `$x := fn arg (nested) | fn2`, with Go's literals.
enum TemplateActionParser {
    /// The deepest nesting of parentheses an action may have.
    static let maxDepth = 100
    private enum Token: Equatable {
        case word(String)
        case string(String)
        case pipe, open, declare, assign, comma
        /// `)` with the fields written right after it (`(first $x).Value`).
        case close(fields: [String])
    }

    static func pipeline(
        _ text: Substring, template: String, line: Int, known: Set<String> = TemplateFunctions.names
    ) throws(TemplateError) -> TemplatePipeline {
        let tokens = try tokenize(text, template: template, line: line)
        // Parentheses nest by recursion here and in the evaluator; thousands of them would overflow
        // the stack (found by the fuzzer). Go stops at 10,000 with this message; no real template
        // comes near 100.
        var depth = 0
        for token in tokens {
            if token == .open { depth += 1 } else if case .close = token { depth -= 1 }
            if depth > maxDepth { throw TemplateError("template: \(template):\(line): max expression depth exceeded") }
        }
        var index = 0
        let pipeline = try parsePipeline(tokens, &index, template: template, line: line, known: known)
        guard index == tokens.count else {
            throw TemplateError("template: \(template):\(line): unexpected \")\" in operand")
        }
        return pipeline
    }

    private static func parsePipeline(
        _ tokens: [Token], _ index: inout Int, template: String, line: Int, known: Set<String>
    ) throws(TemplateError) -> TemplatePipeline {
        var pipeline = TemplatePipeline(commands: [])
        // Declarations: `$x :=`, `$i, $e :=`, `$x =`.
        var lookahead = index
        var variables: [String] = []
        while lookahead < tokens.count, case .word(let word) = tokens[lookahead], word.hasPrefix("$"),
            !word.contains(".")
        {
            variables.append(word)
            lookahead += 1
            if lookahead < tokens.count, tokens[lookahead] == .comma {
                lookahead += 1
                continue
            }
            break
        }
        if !variables.isEmpty, lookahead < tokens.count, tokens[lookahead] == .declare || tokens[lookahead] == .assign {
            pipeline.variables = variables
            pipeline.isAssignment = tokens[lookahead] == .assign
            index = lookahead + 1
        }
        var operands: [TemplateOperand] = []
        while index < tokens.count {
            let token = tokens[index]
            switch token {
            case .pipe:
                guard !operands.isEmpty else { throw TemplateError("template: \(template):\(line): missing command") }
                pipeline.commands.append(TemplateCommand(operands: operands))
                operands = []
                index += 1
            case .close:
                if operands.isEmpty && pipeline.commands.isEmpty {
                    throw TemplateError("template: \(template):\(line): missing value for parenthesized pipeline")
                }
                if !operands.isEmpty { pipeline.commands.append(TemplateCommand(operands: operands)) }
                return pipeline
            case .open:
                index += 1
                let inner = try parsePipeline(tokens, &index, template: template, line: line, known: known)
                guard index < tokens.count, case .close(let fields) = tokens[index] else {
                    throw TemplateError("template: \(template):\(line): unclosed left paren")
                }
                index += 1
                operands.append(.parenthesized(inner, fields: fields))
            case .string(let text):
                operands.append(.string(text))
                index += 1
            case .word(let word):
                operands.append(try operand(word, template: template, line: line, known: known))
                index += 1
            case .declare, .assign, .comma:
                throw TemplateError("template: \(template):\(line): unexpected \"\(token)\" in command")
            }
        }
        if !operands.isEmpty { pipeline.commands.append(TemplateCommand(operands: operands)) }
        guard !pipeline.commands.isEmpty else {
            throw TemplateError("template: \(template):\(line): missing value for command")
        }
        return pipeline
    }

    private static func operand(
        _ word: String, template: String, line: Int, known: Set<String>
    ) throws(TemplateError) -> TemplateOperand {
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "nil": return .null
        default: break
        }
        if word.hasPrefix("$") {
            let parts = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            return .variable(parts[0], fields: Array(parts.dropFirst()))
        }
        if word.hasPrefix(".") {
            return .dot(fields: word == "." ? [] : word.dropFirst().split(separator: ".").map(String.init))
        }
        if let first = word.first, first.isNumber || ((first == "-" || first == "+") && word.count > 1) {
            let isInteger = !word.contains(".") && !word.lowercased().contains("e") || word.hasPrefix("0x")
            if word.hasPrefix("0x"), let value = Int(word.dropFirst(2), radix: 16) {
                return .number(Double(value), isInteger: true)
            }
            guard let value = Double(word) else {
                throw TemplateError("template: \(template):\(line): bad number syntax: \"\(word)\"")
            }
            return .number(value, isInteger: isInteger)
        }
        guard word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw TemplateError("template: \(template):\(line): unexpected \"\(word)\" in operand")
        }
        guard known.contains(word) else {
            throw TemplateError("template: \(template):\(line): function \"\(word)\" not defined")
        }
        return .identifier(word)
    }

    private static func tokenize(_ text: Substring, template: String, line: Int) throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
                continue
            }
            switch character {
            case "|":
                tokens.append(.pipe)
                index += 1
            case "(":
                tokens.append(.open)
                index += 1
            case ")":
                index += 1
                var fields: [String] = []
                if index < characters.count, characters[index] == "." {
                    var word = ""
                    while index < characters.count, !characters[index].isWhitespace, !"|()".contains(characters[index])
                    {
                        word.append(characters[index])
                        index += 1
                    }
                    fields = word.dropFirst().split(separator: ".").map(String.init)
                }
                tokens.append(.close(fields: fields))
            case ",":
                tokens.append(.comma)
                index += 1
            case ":" where index + 1 < characters.count && characters[index + 1] == "=":
                tokens.append(.declare)
                index += 2
            case "=":
                tokens.append(.assign)
                index += 1
            case "\"":
                var value = ""
                index += 1
                while true {
                    guard index < characters.count else {
                        throw TemplateError("template: \(template):\(line): unterminated quoted string")
                    }
                    let next = characters[index]
                    index += 1
                    if next == "\"" { break }
                    if next == "\\", index < characters.count {
                        let escaped = characters[index]
                        index += 1
                        switch escaped {
                        case "n": value.append("\n")
                        case "t": value.append("\t")
                        case "r": value.append("\r")
                        case "\\", "\"", "'": value.append(escaped)
                        default:
                            throw TemplateError("template: \(template):\(line): invalid syntax in quoted string")
                        }
                    } else {
                        value.append(next)
                    }
                }
                tokens.append(.string(value))
            case "`":
                index += 1
                var value = ""
                while index < characters.count, characters[index] != "`" {
                    value.append(characters[index])
                    index += 1
                }
                guard index < characters.count else {
                    throw TemplateError("template: \(template):\(line): unterminated raw quoted string")
                }
                index += 1
                tokens.append(.string(value))
            case "'":
                guard index + 2 < characters.count, characters[index + 2] == "'",
                    let scalar = characters[index + 1].unicodeScalars.first
                else { throw TemplateError("template: \(template):\(line): unterminated character constant") }
                tokens.append(.word(String(scalar.value)))
                index += 3
            default:
                var word = ""
                while index < characters.count, !characters[index].isWhitespace, !"|(),=".contains(characters[index]),
                    !(characters[index] == ":" && index + 1 < characters.count && characters[index + 1] == "=")
                {
                    word.append(characters[index])
                    index += 1
                }
                guard !word.isEmpty else {
                    throw TemplateError("template: \(template):\(line): unexpected \"\(character)\" in command")
                }
                tokens.append(.word(word))
            }
        }
        return tokens
    }
}
