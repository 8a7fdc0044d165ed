/// Function calls, aggregations and grouping label lists.
extension Parser {
    /// `name(args)`; the name is consumed and `(` is next.
    mutating func parseCall(name: Token) throws(PromQLParseError) -> ParsedNode {
        let (args, end) = try parseArguments()
        let functionName = text(name)
        guard let function = FunctionSignature.named(functionName) else {
            throw error(at: name.start, "unknown function with name \(GoQuote.string(functionName))")
        }
        return ParsedNode(
            expr: .call(Call(function: function, args: args.map(\.expr))), type: function.returnType,
            start: name.start, end: end, typeError: callError(function, args, start: name.start))
    }

    /// Prometheus' argument count check, then each argument's own errors and type, in order.
    private func callError(_ function: FunctionSignature, _ args: [ParsedNode], start: Int) -> DeferredError? {
        let declared = function.argTypes.count
        var name: String { GoQuote.string(function.name) }
        if function.variadic == 0 {
            if declared != args.count {
                return DeferredError(
                    offset: start, message: "expected \(declared) argument(s) in call to \(name), got \(args.count)")
            }
        } else {
            let required = declared - 1
            if required > args.count {
                return DeferredError(
                    offset: start,
                    message: "expected at least \(required) argument(s) in call to \(name), got \(args.count)")
            }
            if function.variadic > 0 && required + function.variadic < args.count {
                return DeferredError(
                    offset: start,
                    message: "expected at most \(required + function.variadic) argument(s) in call to \(name), "
                        + "got \(args.count)")
            }
        }
        for (position, arg) in args.enumerated() {
            var typeIndex = position
            if typeIndex >= declared {
                if function.variadic == 0 { break }
                typeIndex = declared - 1
            }
            if let inner = arg.typeError { return inner }
            let want = function.argTypes[typeIndex]
            if arg.type != want {
                return DeferredError(
                    offset: arg.start,
                    message: "expected type \(want.rawValue) in call to function \(name), got \(arg.type.rawValue)")
            }
        }
        return nil
    }

    /// `(a, b, …)` or `()`; returns the arguments and the end of `)`.
    mutating func parseArguments() throws(PromQLParseError) -> (args: [ParsedNode], end: Int) {
        advance()
        var args: [ParsedNode] = []
        var token = try peek()
        if token.kind == .rightParen {
            advance()
            return (args, token.end)
        }
        while true {
            args.append(try parseExpression(minimumPrecedence: 0))
            token = try peek()
            if token.kind == .rightParen {
                advance()
                return (args, token.end)
            }
            guard token.kind == .comma else { throw unexpected(token, fallbackContext) }
            advance()
            if !Parser.startsExpression(try peek().kind) {
                throw error(at: token.start, "trailing commas not allowed in function call args")
            }
        }
    }

    static func startsExpression(_ kind: TokenKind) -> Bool {
        switch kind {
        case .number, .string, .leftParen, .leftBrace, .add, .sub: return true
        default: return kind.isMetricIdentifier
        }
    }

    /// `op (args) [by|without (…)]` or `op by|without (…) (args)`; the operator is consumed.
    mutating func parseAggregate(op opToken: Token) throws(PromQLParseError) -> ParsedNode {
        guard let op = opToken.kind.aggregateOperator else { throw unexpected(opToken) }
        aggregationDepth += 1
        var grouping: [String]?
        var without = false
        if try peek().kind.isGroupingKeyword {
            without = advance().kind == .without
            grouping = try parseGroupingLabels()
        }
        let open = try peek()
        guard open.kind == .leftParen else { throw unexpected(open, "aggregation") }
        var (args, end) = try parseArguments()
        if grouping == nil, try peek().kind.isGroupingKeyword {
            without = advance().kind == .without
            grouping = try parseGroupingLabels()
            end = tokens[index - 1].end
        }
        aggregationDepth -= 1
        if args.isEmpty { throw error(at: opToken.start, "no arguments for aggregate expression provided") }
        let wanted = op.parameterType == nil ? 1 : 2
        if args.count != wanted {
            throw error(
                at: opToken.start,
                "wrong number of arguments for aggregate expression provided, expected \(wanted), got \(args.count)")
        }
        let operand = args[wanted - 1]
        let parameter = wanted == 2 ? args[0] : nil
        let aggregate = AggregateExpr(
            op: op, expr: operand.expr, param: parameter?.expr, grouping: grouping ?? [], without: without)
        return ParsedNode(
            expr: .aggregate(aggregate), type: .vector, start: opToken.start, end: end,
            typeError: aggregateError(op, operand: operand, parameter: parameter))
    }

    private func aggregateError(_ op: AggregateOperator, operand: ParsedNode, parameter: ParsedNode?) -> DeferredError?
    {
        if let inner = operand.typeError { return inner }
        if operand.type != .vector {
            return DeferredError(
                offset: operand.start,
                message: "expected type instant vector in aggregation expression, got \(operand.type.rawValue)")
        }
        guard let parameter, let want = op.parameterType else { return nil }
        if let inner = parameter.typeError { return inner }
        if parameter.type != want {
            return DeferredError(
                offset: parameter.start,
                message: "expected type \(want.rawValue) in aggregation parameter, got \(parameter.type.rawValue)")
        }
        return nil
    }

    /// `(label, …)` after `by`, `without`, `on`, `ignoring`, `group_left` or `group_right`.
    mutating func parseGroupingLabels() throws(PromQLParseError) -> [String] {
        let open = try peek()
        guard open.kind == .leftParen else { throw unexpected(open, "grouping opts", expected: "\"(\"") }
        advance()
        var labels: [String] = []
        if try peek().kind == .rightParen {
            advance()
            return labels
        }
        while true {
            let token = try peek()
            guard token.kind.isMaybeLabel else { throw unexpected(token, "grouping opts", expected: "label") }
            advance()
            let label = text(token)
            guard Parser.isLabelName(label) else { throw unexpected(token, "grouping opts", expected: "label") }
            labels.append(label)
            let after = try peek()
            if after.kind == .comma {
                advance()
                if try peek().kind == .rightParen {
                    advance()
                    return labels
                }
            } else if after.kind == .rightParen {
                advance()
                return labels
            } else {
                throw unexpected(after, "grouping opts", expected: "\",\" or \")\"")
            }
        }
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`.
    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.utf8.first, Lexer.isAlpha(Int32(first)) else { return false }
        return name.utf8.allSatisfy { Lexer.isAlphaNumeric(Int32($0)) }
    }
}
