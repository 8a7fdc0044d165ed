import TimeSeries

/// A recursive-descent parser for Prometheus' PromQL grammar (2.42), with its operator precedence,
/// its error messages (worded and placed as the generated Prometheus parser words and places them)
/// and its type checks.
struct Parser {
    /// Deepest nesting of parentheses, calls and operators accepted, so hostile input cannot
    /// exhaust the stack.
    static let maximumDepth = 256

    let input: [UInt8]
    let tokens: [Token]
    let lexerMessage: String?
    var index = 0
    /// How many aggregations enclose the current position (errors there say "in aggregation").
    var aggregationDepth = 0
    var depth = 0

    init(_ text: String, seriesDescription: Bool = false, valuesOnly: Bool = false) {
        input = Array(text.utf8)
        let lexer = Lexer.tokenize(
            input, seriesDescription: seriesDescription || valuesOnly,
            initialState: valuesOnly ? .valueSequence : .statements)
        tokens = lexer.tokens
        lexerMessage = lexer.errorMessage
    }

    // MARK: Token access

    /// The current token; reaching a lexical error reports it.
    func peek() throws(PromQLParseError) -> Token {
        let token = tokens[min(index, tokens.count - 1)]
        if token.kind == .error { throw lexerError(token) }
        return token
    }

    /// The token after the current one (the grammar's lookahead after an identifier).
    func peekSecond() throws(PromQLParseError) -> Token {
        let token = tokens[min(index + 1, tokens.count - 1)]
        if token.kind == .error { throw lexerError(token) }
        return token
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[min(index, tokens.count - 1)]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func text(_ token: Token) -> String { String(decoding: input[token.start..<token.end], as: UTF8.self) }

    // MARK: Errors

    func error(at byteOffset: Int, _ message: String) -> PromQLParseError {
        PromQLParseError(input: input, byteOffset: byteOffset, message: message)
    }

    func error(_ deferred: DeferredError) -> PromQLParseError { error(at: deferred.offset, deferred.message) }

    private func lexerError(_ token: Token) -> PromQLParseError {
        error(at: token.start, lexerMessage ?? "unexpected character")
    }

    /// `unexpected <token> in <context>, expected <expected>`.
    func unexpected(_ token: Token, _ context: String? = nil, expected: String? = nil) -> PromQLParseError {
        if token.kind == .error { return lexerError(token) }
        var message = "unexpected " + describe(token)
        if let context { message += " in " + context }
        if let expected { message += ", expected " + expected }
        return error(at: token.start, message)
    }

    /// The context Prometheus names when no more specific rule applies.
    var fallbackContext: String? { aggregationDepth > 0 ? "aggregation" : nil }

    /// How Prometheus describes a token in messages: `end of input`, `identifier "x"`, `<op:+>`, `"("`.
    func describe(_ token: Token) -> String {
        let value = text(token)
        switch token.kind {
        case .eof: return "end of input"
        case .error: return value
        case .identifier: return "identifier " + GoQuote.string(value)
        case .metricIdentifier: return "metric identifier " + GoQuote.string(value)
        case .number: return "number " + Parser.itemText(value)
        case .string: return "string " + Parser.itemText(value)
        case .duration: return "duration " + Parser.itemText(value)
        // Prometheus has no name for `@` and prints goyacc's token number (57385) instead.
        case .at: return "\"<Item 57385>\" <op:@>"
        case let kind where kind.isKeyword: return "<\(value)>"
        case let kind where kind.isOperator: return "<op:\(value)>"
        case let kind where kind.isAggregator: return "<aggr:\(value)>"
        default: return Parser.itemText(value)
        }
    }

    /// A token's text as Prometheus quotes it: long values cut to ten characters and `...`.
    private static func itemText(_ value: String) -> String {
        value.utf8.count > 10 ? GoQuote.string(value, limit: 10) + "..." : GoQuote.string(value)
    }

    // MARK: Entry points

    /// Prometheus' `ParseExpr`: the whole input as one expression, type-checked.
    mutating func parseWholeExpression() throws(PromQLParseError) -> Expr {
        if try peek().kind == .eof { throw error(at: 0, "no expression found in input") }
        let node = try parseExpression(minimumPrecedence: 0)
        let after = try peek()
        guard after.kind == .eof else { throw unexpected(after, fallbackContext) }
        if let typeError = node.typeError { throw error(typeError) }
        return node.expr
    }

    /// Prometheus' `ParseMetricSelector`: one selector, not type-checked.
    mutating func parseWholeSelector() throws(PromQLParseError) -> [LabelMatcher] {
        let first = try peek()
        guard first.kind == .leftBrace || first.kind.isMetricIdentifier else { throw unexpected(first) }
        if first.kind != .leftBrace { advance() }
        let node = try parseSelector(name: first.kind == .leftBrace ? nil : first)
        let after = try peek()
        guard after.kind == .eof else { throw unexpected(after) }
        guard case .vectorSelector(let selector) = node.expr else { return [] }
        return selector.matchers
    }
}
