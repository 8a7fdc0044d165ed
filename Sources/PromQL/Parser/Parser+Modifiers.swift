/// What may follow an operand: `[range]`, `[range:step]`, `offset d` and `@ t`, in any order and
/// repeated as Prometheus allows (each check is Prometheus' own, with its message).
extension Parser {
    mutating func parsePostfix(_ operand: ParsedNode) throws(PromQLParseError) -> ParsedNode {
        var node = operand
        while true {
            switch try peek().kind {
            case .leftBracket: node = try parseRangeOrSubquery(node)
            case .offset: node = try parseOffset(node)
            case .at: node = try parseAt(node)
            default: return node
            }
        }
    }

    private mutating func parseRangeOrSubquery(_ node: ParsedNode) throws(PromQLParseError) -> ParsedNode {
        let open = advance()
        let rangeToken = try peek()
        guard rangeToken.kind == .duration else {
            throw unexpected(rangeToken, "subquery selector", expected: "duration")
        }
        advance()
        let range = try durationValue(rangeToken)
        let after = try peek()
        if after.kind == .rightBracket {
            advance()
            return try makeMatrix(node, range: range, open: open, close: after)
        }
        guard after.kind == .colon else {
            throw unexpected(after, "subquery or range", expected: "\":\" or \"]\"")
        }
        advance()
        var step: Int64?
        var close = try peek()
        if close.kind == .duration {
            advance()
            step = try durationValue(close)
            close = try peek()
            guard close.kind == .rightBracket else { throw unexpected(close, "subquery selector", expected: "\"]\"") }
        } else if close.kind != .rightBracket {
            throw unexpected(close, "subquery selector", expected: "duration or \"]\"")
        }
        advance()
        var typeError = node.typeError
        if typeError == nil && node.type != .vector {
            typeError = DeferredError(
                offset: node.start,
                message: "subquery is only allowed on instant vector, got \(node.type.apiName) instead")
        }
        return ParsedNode(
            expr: .subquery(Subquery(expr: node.expr, range: range, step: step)), type: .matrix, start: node.start,
            end: close.end, typeError: typeError)
    }

    private func makeMatrix(
        _ node: ParsedNode, range: Int64, open: Token, close: Token
    ) throws(PromQLParseError) -> ParsedNode {
        guard case .vectorSelector(let selector) = node.expr else {
            throw error(at: open.start, "ranges only allowed for vector selectors")
        }
        if selector.offset != 0 { throw error(at: open.start, "no offset modifiers allowed before range") }
        if case .timestamp = selector.at { throw error(at: open.start, "no @ modifiers allowed before range") }
        return ParsedNode(
            expr: .matrixSelector(selector, range: range), type: .matrix, start: node.start, end: close.end,
            typeError: node.typeError)
    }

    private mutating func parseOffset(_ node: ParsedNode) throws(PromQLParseError) -> ParsedNode {
        advance()
        var token = try peek()
        var sign: Int64 = 1
        if token.kind == .sub {
            advance()
            sign = -1
            token = try peek()
        }
        guard token.kind == .duration else { throw unexpected(token, "offset", expected: "duration") }
        advance()
        let offset = sign * (try durationValue(token))
        var result = node
        result.end = token.end
        let twice = "offset may not be set multiple times"
        switch node.expr {
        case .vectorSelector(var selector):
            if selector.offset != 0 { throw error(at: node.start, twice) }
            selector.offset = offset
            result.expr = .vectorSelector(selector)
        case .matrixSelector(var selector, let range):
            if selector.offset != 0 { throw error(at: node.start, twice) }
            selector.offset = offset
            result.expr = .matrixSelector(selector, range: range)
        case .subquery(var subquery):
            if subquery.offset != 0 { throw error(at: node.start, twice) }
            subquery.offset = offset
            result.expr = .subquery(subquery)
        default:
            throw error(
                at: node.start,
                "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery")
        }
        return result
    }

    private mutating func parseAt(_ node: ParsedNode) throws(PromQLParseError) -> ParsedNode {
        advance()
        let token = try peek()
        let at: AtModifier
        var end = token.end
        switch token.kind {
        case .number, .add, .sub:
            advance()
            var numberToken = token
            if token.kind != .number {
                numberToken = try peek()
                guard numberToken.kind == .number else { throw unexpected(numberToken, "@", expected: "timestamp") }
                advance()
                end = numberToken.end
            }
            let seconds = (token.kind == .sub ? -1 : 1) * (try numberValue(numberToken))
            if !seconds.isFinite || seconds >= Double(Int64.max) || seconds <= Double(Int64.min) {
                throw error(
                    at: node.start, "timestamp out of bounds for @ modifier: \(GoFloatText.fixedSix(seconds))")
            }
            let milliseconds = (seconds * 1000).rounded()
            // Go converts an out-of-range float to the smallest Int64 on amd64.
            at = .timestamp(Int64(exactly: milliseconds) ?? Int64.min)
        case .start, .end:
            advance()
            for expected in [TokenKind.leftParen, .rightParen] {
                let paren = try peek()
                guard paren.kind == expected else { throw unexpected(paren, "@", expected: "timestamp") }
                advance()
                end = paren.end
            }
            at = token.kind == .start ? .start : .end
        default:
            throw unexpected(token, "@", expected: "timestamp")
        }
        return try applyAt(at, to: node, end: end)
    }

    private func applyAt(_ at: AtModifier, to node: ParsedNode, end: Int) throws(PromQLParseError) -> ParsedNode {
        var result = node
        result.end = end
        let twice = "@ <timestamp> may not be set multiple times"
        switch node.expr {
        case .vectorSelector(var selector):
            if selector.at != nil { throw error(at: node.start, twice) }
            selector.at = at
            result.expr = .vectorSelector(selector)
        case .matrixSelector(var selector, let range):
            if selector.at != nil { throw error(at: node.start, twice) }
            selector.at = at
            result.expr = .matrixSelector(selector, range: range)
        case .subquery(var subquery):
            if subquery.at != nil { throw error(at: node.start, twice) }
            subquery.at = at
            result.expr = .subquery(subquery)
        default:
            throw error(
                at: node.start,
                "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery")
        }
        return result
    }
}
