import TimeSeries

/// The series-description grammar: `metric{labels}` then space-separated items, each a value
/// (`1`, `-2`, `stale`), a repetition (`1x3`: four values), a ramp (`1+2x3`: 1 3 5 7), a gap (`_`)
/// or gaps (`_x3`: three).
extension Parser {
    /// `name`, `name{a="b"}`, `{a="b"}` or nothing.
    mutating func parseSeriesLabels() throws(PromQLParseError) -> Labels {
        var pairs: [Label] = []
        let first = try peek()
        if first.kind.isMetricIdentifier {
            advance()
            pairs.append(Label(Label.metricName, text(first)))
        }
        guard try peek().kind == .leftBrace else { return Labels(pairs) }
        advance()
        while true {
            let token = try peek()
            if token.kind == .rightBrace {
                advance()
                return Labels(pairs)
            }
            guard token.kind == .identifier else {
                throw unexpected(token, "label set", expected: "identifier or \"}\"")
            }
            advance()
            let equal = try peek()
            guard equal.kind == .equal else { throw unexpected(equal, "label set", expected: "\"=\"") }
            advance()
            let value = try peek()
            guard value.kind == .string else { throw unexpected(value, "label set", expected: "string") }
            advance()
            pairs.append(Label(text(token), StringUnquote.value(input[value.start..<value.end])))
            let after = try peek()
            if after.kind == .comma {
                advance()
            } else if after.kind != .rightBrace {
                throw unexpected(after, "label set", expected: "\",\" or \"}\"")
            }
        }
    }

    /// Space-separated items. Where Prometheus' parser has already reduced the values it has read,
    /// an unexpected token is reported without context (`unexpected "x"`); inside an item, or
    /// before the first, it is "in series values".
    mutating func parseSeriesValues(leadingSpaceRequired: Bool) throws(PromQLParseError) -> [SeriesValue] {
        var values: [SeriesValue] = []
        var needSpace = leadingSpaceRequired
        var afterItem = false
        while true {
            let token = try peek()
            if token.kind == .eof { return values }
            if token.kind == .space {
                advance()
                needSpace = false
                afterItem = true
                continue
            }
            if needSpace { throw unexpected(token, afterItem ? nil : "series values") }
            if afterItem && !Parser.startsSeriesItem(token.kind) { throw unexpected(token) }
            try parseSeriesItem(into: &values)
            needSpace = true
            afterItem = true
        }
    }

    private static func startsSeriesItem(_ kind: TokenKind) -> Bool {
        kind == .blank || kind == .identifier || kind == .number || kind == .add || kind == .sub
    }

    private mutating func parseSeriesItem(into values: inout [SeriesValue]) throws(PromQLParseError) {
        if try peek().kind == .blank {
            advance()
            var count: UInt64 = 1
            if try peek().kind == .times {
                advance()
                count = try repetitionCount()
            }
            values.append(contentsOf: repeatElement(.missing, count: Int(clamping: count)))
            return
        }
        let first = try seriesValue()
        switch try peek().kind {
        case .times:
            advance()
            let count = try repetitionCount()
            values.append(contentsOf: repeatElement(first, count: Int(clamping: count) &+ 1))
        case .add, .sub:
            let step = try signedNumber()
            let times = try peek()
            guard times.kind == .times else { throw unexpected(times, "series values") }
            advance()
            let count = try repetitionCount()
            // Prometheus adds the step repeatedly (not start + i × step), so rounding matches.
            var current: Double
            switch first {
            case .value(let value): current = value
            default: current = .nan
            }
            values.append(first)
            var index: UInt64 = 0
            while index < count {
                current += step
                values.append(.value(current))
                index += 1
            }
        default:
            values.append(first)
        }
    }

    /// `stale`, a number, or a signed number.
    private mutating func seriesValue() throws(PromQLParseError) -> SeriesValue {
        let token = try peek()
        switch token.kind {
        case .identifier:
            advance()
            guard text(token) == "stale" else {
                throw unexpected(token, "series values", expected: "number or \"stale\"")
            }
            return .stale
        case .number:
            advance()
            return .value(try numberValue(token))
        case .add, .sub:
            return .value(try signedNumber())
        default:
            throw unexpected(token, "series values")
        }
    }

    private mutating func signedNumber() throws(PromQLParseError) -> Double {
        let sign = advance()
        let token = try peek()
        guard token.kind == .number else { throw unexpected(token, "series values") }
        advance()
        let value = try numberValue(token)
        return sign.kind == .sub ? -value : value
    }

    /// The `n` of `x n`: a decimal unsigned integer.
    private mutating func repetitionCount() throws(PromQLParseError) -> UInt64 {
        let token = try peek()
        guard token.kind == .number else { throw unexpected(token, "series values") }
        advance()
        let value = text(token)
        guard let count = UInt64(value, radix: 10), value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            let digitsOnly = !value.isEmpty && value.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            let reason = digitsOnly ? "value out of range" : "invalid syntax"
            throw error(
                at: token.start,
                "invalid repetition in series values: strconv.ParseUint: parsing \(GoQuote.string(value)): \(reason)")
        }
        return count
    }
}
