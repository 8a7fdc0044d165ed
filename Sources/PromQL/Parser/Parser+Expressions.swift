/// Binary operators by precedence climbing, unary signs, and the primary expressions.
extension Parser {
    /// An expression whose binary operators all bind at least as tightly as `minimumPrecedence`.
    mutating func parseExpression(minimumPrecedence: Int) throws(PromQLParseError) -> ParsedNode {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maximumDepth {
            throw error(at: try peek().start, "expression nested more than \(Parser.maximumDepth) levels deep")
        }
        var lhs = try parseOperand()
        // Each operator folded into `lhs` makes the tree one level deeper without recursing here,
        // so it counts against the same limit: printing, comparing and evaluating the tree recurse.
        var folded = 0
        defer { depth -= folded }
        while true {
            let token = try peek()
            guard let op = token.kind.binaryOperator, op.precedence >= minimumPrecedence else { return lhs }
            depth += 1
            folded += 1
            if depth > Parser.maximumDepth {
                throw error(at: token.start, "expression nested more than \(Parser.maximumDepth) levels deep")
            }
            advance()
            let modifiers = try parseBinaryModifiers()
            let rhs = try parseExpression(minimumPrecedence: op.isRightAssociative ? op.precedence : op.precedence + 1)
            lhs = makeBinary(op, lhs, rhs, modifiers)
        }
    }

    /// A signed operand, or a primary expression with its ranges, offsets and `@`.
    ///
    /// A sign binds like `*` (Prometheus' `%prec MUL`): looser than `^`, so `-2^2` is -(2^2).
    private mutating func parseOperand() throws(PromQLParseError) -> ParsedNode {
        let token = try peek()
        if token.kind == .add || token.kind == .sub {
            advance()
            let inner = try parseExpression(minimumPrecedence: BinaryOperator.pow.precedence)
            return makeUnary(token.kind == .sub ? .minus : .plus, start: token.start, inner)
        }
        return try parsePostfix(try parsePrimary())
    }

    private func makeUnary(_ op: UnaryOperator, start: Int, _ inner: ParsedNode) -> ParsedNode {
        if case .number(let value) = inner.expr {
            // Prometheus folds the sign into a number literal.
            return ParsedNode(
                expr: .number(op == .minus ? -value : value), type: .scalar, start: start, end: inner.end)
        }
        var typeError = inner.typeError
        if typeError == nil && inner.type != .scalar && inner.type != .vector {
            typeError = DeferredError(
                offset: start,
                message: "unary expression only allowed on expressions of type scalar or instant vector, got "
                    + GoQuote.string(inner.type.rawValue))
        }
        return ParsedNode(
            expr: .unary(op, inner.expr), type: inner.type, start: start, end: inner.end, typeError: typeError)
    }

    private mutating func parsePrimary() throws(PromQLParseError) -> ParsedNode {
        let token = try peek()
        // The lookahead decides between a call or aggregation and a selector of the same name.
        let second = token.kind == .identifier || token.kind.isAggregator ? try peekSecond().kind : .eof
        switch token.kind {
        case .number:
            advance()
            return ParsedNode(expr: .number(try numberValue(token)), type: .scalar, start: token.start, end: token.end)
        case .string:
            advance()
            let value = StringUnquote.value(input[token.start..<token.end])
            return ParsedNode(expr: .string(value), type: .string, start: token.start, end: token.end)
        case .leftParen:
            advance()
            let inner = try parseExpression(minimumPrecedence: 0)
            let close = try peek()
            guard close.kind == .rightParen else { throw unexpected(close, fallbackContext) }
            advance()
            return ParsedNode(
                expr: .paren(inner.expr), type: inner.type, start: token.start, end: close.end,
                typeError: inner.typeError)
        case .leftBrace:
            return try parseSelector(name: nil)
        case .identifier where second == .leftParen:
            advance()
            return try parseCall(name: token)
        case let kind where kind.isAggregator && (second == .leftParen || second == .by || second == .without):
            advance()
            return try parseAggregate(op: token)
        case let kind where kind.isMetricIdentifier:
            advance()
            return try parseSelector(name: token)
        default:
            throw unexpected(token, fallbackContext)
        }
    }

    func numberValue(_ token: Token) throws(PromQLParseError) -> Double {
        let value = text(token)
        switch NumberText.value(value) {
        case .success(let number): return number
        case .failure(let failure): throw error(at: token.start, NumberText.message(value, failure))
        }
    }

    func durationValue(_ token: Token) throws(PromQLParseError) -> Int64 {
        let value = text(token)
        switch DurationText.milliseconds(value) {
        case .success(let milliseconds) where milliseconds > 0: return milliseconds
        case .success: throw error(at: token.start, "duration must be greater than 0")
        case .failure(.outOfRange): throw error(at: token.start, "duration out of range")
        case .failure(.invalid): throw error(at: token.start, "not a valid duration string: \(GoQuote.string(value))")
        }
    }
}
