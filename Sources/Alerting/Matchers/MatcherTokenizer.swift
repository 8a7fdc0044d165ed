import TimeSeries

/// The lexical steps of Alertmanager's matcher parsing, on Unicode scalars (Go works on runes and
/// bytes; Swift's characters would merge `"` or `\` with a following combining mark).
enum MatcherTokenizer {
    /// A matcher cut into its three tokens; the value still as written (quotes, escapes).
    struct Parts {
        var name: String
        var kind: LabelMatcher.Kind
        var rawValue: [Unicode.Scalar]
    }

    /// Splits at commas outside double quotes. A quote preceded by an odd run of backslashes does
    /// not open or close a quoted part. As in Alertmanager, a comma leaves the escape state as it was.
    static func split(_ scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var tokens: [[Unicode.Scalar]] = []
        var token: [Unicode.Scalar] = []
        var insideQuotes = false
        var escaped = false
        for scalar in scalars {
            switch scalar {
            case "," where !insideQuotes:
                tokens.append(token)
                token = []
                continue
            case ",":
                break
            case "\"":
                if escaped {
                    escaped = false
                } else {
                    insideQuotes.toggle()
                }
            case "\\":
                escaped.toggle()
            default:
                escaped = false
            }
            token.append(scalar)
        }
        tokens.append(token)
        return tokens
    }

    /// `name op value` with optional blanks around each token (Go regexp's `\s`: space, tab, line
    /// feed, form feed, carriage return); the name a Prometheus label name; the value everything
    /// after the operator, blanks at both ends removed. Nil when the text has another shape.
    static func parts(of scalars: [Unicode.Scalar]) -> Parts? {
        var index = scalars.startIndex
        while index < scalars.endIndex && isBlank(scalars[index]) { index += 1 }
        let nameStart = index
        guard index < scalars.endIndex, isNameStart(scalars[index]) else { return nil }
        while index < scalars.endIndex && isNameContinuation(scalars[index]) { index += 1 }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<index]))
        while index < scalars.endIndex && isBlank(scalars[index]) { index += 1 }
        guard let (kind, length) = matchOperator(scalars[index...]) else { return nil }
        index += length
        var end = scalars.endIndex
        while index < end && isBlank(scalars[index]) { index += 1 }
        while end > index && isBlank(scalars[end - 1]) { end -= 1 }
        return Parts(name: name, kind: kind, rawValue: Array(scalars[index..<end]))
    }

    /// The value with an optional pair of surrounding double quotes removed and `\"`, `\\`, `\n`
    /// resolved; any other backslash is literal. Nil when a double quote is unescaped anywhere but
    /// at both ends (or only at one end).
    static func unquote(_ raw: [Unicode.Scalar]) -> String? {
        var body = raw[...]
        var expectTrailingQuote = false
        if body.first == "\"" {
            body = body.dropFirst()
            expectTrailingQuote = true
        }
        var value = String.UnicodeScalarView()
        var escaped = false
        for index in body.indices {
            let scalar = body[index]
            let isLast = index == body.endIndex - 1
            if escaped {
                escaped = false
                switch scalar {
                case "n": value.append("\n")
                case "\"", "\\": value.append(scalar)
                default:
                    value.append("\\")
                    value.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\\" where !isLast:
                escaped = true
            case "\"":
                guard expectTrailingQuote && isLast else { return nil }
                expectTrailingQuote = false
            default:
                value.append(scalar)
            }
        }
        return expectTrailingQuote ? nil : String(value)
    }

    /// Go's strings.TrimSpace: Unicode white space (which includes U+0085 and U+00A0) at both ends.
    static func trimmingWhitespace(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var slice = scalars[...]
        while let first = slice.first, first.properties.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.properties.isWhitespace { slice.removeLast() }
        return Array(slice)
    }

    /// The operator at the start of `text`, `=~` before `=` as in Alertmanager's pattern.
    private static func matchOperator(_ text: ArraySlice<Unicode.Scalar>) -> (LabelMatcher.Kind, Int)? {
        let first = text.first
        let second = text.dropFirst().first
        switch (first, second) {
        case ("=", "~"): return (.regexMatch, 2)
        case ("=", _): return (.equal, 1)
        case ("!", "="): return (.notEqual, 2)
        case ("!", "~"): return (.regexNoMatch, 2)
        default: return nil
        }
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || scalar == ":"
    }

    private static func isNameContinuation(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || ("0"..."9").contains(scalar)
    }
}
