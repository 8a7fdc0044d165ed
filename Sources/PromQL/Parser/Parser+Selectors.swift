import TimeSeries

/// Vector selectors: `name`, `name{…}`, `{…}`, and their label matchers.
extension Parser {
    /// A selector whose name token (if any) is consumed; reads the braces if they follow.
    mutating func parseSelector(name nameToken: Token?) throws(PromQLParseError) -> ParsedNode {
        var matchers: [LabelMatcher] = []
        var start = nameToken?.start ?? 0
        var end = nameToken?.end ?? 0
        if try peek().kind == .leftBrace {
            let brace = advance()
            if nameToken == nil { start = brace.start }
            end = try parseLabelMatchers(into: &matchers)
        }
        let name = nameToken.map(text)
        var typeError: DeferredError?
        if let name {
            // Prometheus puts the name's matcher last.
            for matcher in matchers where matcher.name == Label.metricName {
                typeError = DeferredError(
                    offset: start,
                    message:
                        "metric name must not be set twice: \(GoQuote.string(name)) or \(GoQuote.string(matcher.value))"
                )
                break
            }
            matchers.append(.equal(Label.metricName, name))
        } else if matchers.allSatisfy(\.matchesEmpty) {
            typeError = DeferredError(
                offset: start, message: "vector selector must contain at least one non-empty matcher")
        }
        return ParsedNode(
            expr: .vectorSelector(VectorSelector(name: name, matchers: matchers)), type: .vector, start: start,
            end: end, typeError: typeError)
    }

    /// The matchers after `{`, through `}`; returns the end of `}`.
    private mutating func parseLabelMatchers(into matchers: inout [LabelMatcher]) throws(PromQLParseError) -> Int {
        while true {
            let token = try peek()
            if token.kind == .rightBrace {
                advance()
                return token.end
            }
            guard token.kind == .identifier else {
                throw unexpected(token, "label matching", expected: "identifier or \"}\"")
            }
            advance()
            matchers.append(try parseLabelMatcher(label: token))
            let after = try peek()
            if after.kind == .comma {
                advance()
            } else if after.kind == .rightBrace {
                advance()
                return after.end
            } else {
                throw unexpected(after, "label matching", expected: "\",\" or \"}\"")
            }
        }
    }

    private mutating func parseLabelMatcher(label: Token) throws(PromQLParseError) -> LabelMatcher {
        let opToken = try peek()
        let kind: LabelMatcher.Kind
        switch opToken.kind {
        case .equal: kind = .equal
        case .notEqual: kind = .notEqual
        case .equalRegex: kind = .regexMatch
        case .notEqualRegex: kind = .regexNoMatch
        default: throw unexpected(opToken, "label matching", expected: "label matching operator")
        }
        advance()
        let valueToken = try peek()
        guard valueToken.kind == .string else { throw unexpected(valueToken, "label matching", expected: "string") }
        advance()
        let value = StringUnquote.value(input[valueToken.start..<valueToken.end])
        do {
            return try LabelMatcher(text(label), kind, value)
        } catch {
            throw self.error(at: label.start, error.description)
        }
    }
}
