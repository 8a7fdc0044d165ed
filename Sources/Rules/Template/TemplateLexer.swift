import Foundation

/// Splits template text into literal text and the contents of `{{ … }}` actions, honouring the trim
/// markers (`{{- ` and ` -}}` remove the whitespace beside them) and dropping comments.
struct TemplateLexer {
    enum Piece {
        case text(String)
        case action(String, line: Int)
    }

    static func pieces(_ text: String, name: String) throws(TemplateError) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        var line = 1
        var trimNextText = false
        while !rest.isEmpty {
            guard let open = rest.range(of: "{{") else {
                pieces.append(.text(trimNextText ? String(rest.drop { $0.isWhitespace }) : String(rest)))
                break
            }
            var literal = rest[..<open.lowerBound]
            if trimNextText { literal = literal.drop { $0.isWhitespace } }
            var inner = rest[open.upperBound...]
            if inner.hasPrefix("- ") || inner.hasPrefix("-\t") || inner.hasPrefix("-\n") {
                while let last = literal.last, last.isWhitespace { literal = literal.dropLast() }
                inner = inner.dropFirst(2)
            }
            line += rest[..<open.upperBound].filter { $0 == "\n" }.count
            pieces.append(.text(String(literal)))
            guard let close = Self.closing(of: inner) else {
                throw TemplateError("template: \(name):\(line): unclosed action")
            }
            var body = inner[..<close]
            trimNextText = false
            if body.hasSuffix(" -") || body.hasSuffix("\t-") || body.hasSuffix("\n-") {
                body = body.dropLast(2)
                trimNextText = true
            }
            let trimmed = body.trimmingWhitespace
            if !(trimmed.hasPrefix("/*") && trimmed.hasSuffix("*/")) {
                pieces.append(.action(String(body), line: line))
            }
            line += inner[..<close].filter { $0 == "\n" }.count
            rest = inner[inner.index(close, offsetBy: 2)...]
        }
        return pieces
    }

    /// The `}}` closing an action, skipping quoted strings.
    private static func closing(of text: Substring) -> Substring.Index? {
        var index = text.startIndex
        var quote: Character?
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == "\\" && open != "`" {
                    // An escape inside "…" or '…': skip the escaped character, if the text has one.
                    index = text.index(after: index)
                    if index == text.endIndex { return nil }
                } else if character == open {
                    quote = nil
                }
            } else if character == "\"" || character == "`" || character == "'" {
                quote = character
            } else if character == "}", text.index(after: index) < text.endIndex, text[text.index(after: index)] == "}"
            {
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }
}

extension Substring {
    var trimmingWhitespace: Substring {
        var result = self
        while let first = result.first, first.isWhitespace { result = result.dropFirst() }
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }
}
