import TimeSeries

/// Reads matchers written the way Alertmanager 0.25 reads them (`labels.ParseMatchers` and
/// `labels.ParseMatcher`): in routes' and inhibit rules' `matchers:`, in silences made with `amtool`,
/// and in the API's `filter=` parameters.
///
/// Users paste these strings from their Alertmanager configuration and scripts, so the grammar is
/// Alertmanager's, tolerances included, rather than PromQL's: values may be unquoted, a stray `\` is
/// a literal backslash, a trailing comma is dropped, and the braces are optional. The result is the
/// series store's ``LabelMatcher``, whose regular expressions are fully anchored as Alertmanager's are.
public enum MatcherParser {
    /// One string of a `matchers:` list (or an amtool/API filter), as Alertmanager 0.25's labels.ParseMatchers:
    /// `{a="b", c=~"d.*"}` or `a=b,c!=d`; several matchers separated by commas outside double quotes,
    /// optional braces, values quoted (escapes `\"`, `\\`, `\n`) or unquoted. `{}` and the empty
    /// string are no matchers at all.
    ///
    /// - Throws: ``MatcherParseError`` for the first matcher that does not parse, or whose regular
    ///   expression does not compile.
    public static func parse(_ text: String) throws(MatcherParseError) -> [LabelMatcher] {
        var scalars = Array(text.unicodeScalars)
        // One brace each side, each optional, nothing trimmed around them first.
        if scalars.first == "{" { scalars.removeFirst() }
        if scalars.last == "}" { scalars.removeLast() }
        var tokens = MatcherTokenizer.split(scalars)
        // Only the last piece is trimmed, and dropped when blank: that is what makes a trailing
        // comma harmless while `a=b,,c=d` is still an error (its middle piece is empty).
        if let last = tokens.popLast() {
            let trimmed = MatcherTokenizer.trimmingWhitespace(last)
            if !trimmed.isEmpty { tokens.append(trimmed) }
        }
        var matchers: [LabelMatcher] = []
        for token in tokens {
            matchers.append(try matcher(String(String.UnicodeScalarView(token)), input: text))
        }
        return matchers
    }

    /// Exactly one matcher (ParseMatcher), e.g. for `filter=` query parameters: no braces and no
    /// comma-separated list; a comma outside quotes is part of the value.
    ///
    /// - Throws: ``MatcherParseError`` when `text` is not `name op value`, when the value has an
    ///   unescaped double quote inside it, or when a regular expression does not compile.
    public static func parseOne(_ text: String) throws(MatcherParseError) -> LabelMatcher {
        try matcher(text, input: text)
    }

    /// Parses `token`; errors carry `input`, the string the caller passed in.
    private static func matcher(_ token: String, input: String) throws(MatcherParseError) -> LabelMatcher {
        guard let parts = MatcherTokenizer.parts(of: Array(token.unicodeScalars)) else {
            throw MatcherParseError(text: input, message: "bad matcher format: \(token)")
        }
        guard let value = MatcherTokenizer.unquote(parts.rawValue) else {
            let raw = String(String.UnicodeScalarView(parts.rawValue))
            throw MatcherParseError(text: input, message: "matcher value contains unescaped double quote: \(raw)")
        }
        do {
            return try LabelMatcher(parts.name, parts.kind, value)
        } catch {
            throw MatcherParseError(text: input, message: error.description)
        }
    }
}
