extension RuleFileParser {
    /// The text of the first YAML document of `text`, lines (and so positions) unchanged.
    ///
    /// Prometheus decodes a rule file with one `Decode` call, which reads the first document and
    /// never looks at the rest, broken or not; YAML's document markers (`---`, `...` at the start of
    /// a line) are found by line, since they cannot appear anywhere else at column 1.
    static func firstDocument(of text: String) -> Substring {
        var started = false
        var lineStart = text.startIndex
        while lineStart < text.endIndex {
            // By byte: "\r\n" is one Character, so a Character search for "\n" would miss CRLF lines.
            let lineEnd = text.utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            if isMarker(line, "---") {
                if started { return text[..<lineStart] }
                started = true
            } else if isMarker(line, "...") {
                if started { return text[..<lineStart] }
            } else if !started && hasContent(line) {
                started = true
            }
            lineStart = lineEnd < text.endIndex ? text.utf8.index(after: lineEnd) : text.endIndex
        }
        return text[...]
    }

    /// `---` or `...` followed by nothing or by a blank.
    private static func isMarker(_ line: Substring, _ marker: String) -> Bool {
        guard line.hasPrefix(marker) else { return false }
        let rest = line.dropFirst(marker.count)
        return rest.first.map { $0 == " " || $0 == "\t" || $0 == "\r" } ?? true
    }

    /// Whether a line before any document marker starts the document's content (not a blank line,
    /// a comment or a `%` directive).
    private static func hasContent(_ line: Substring) -> Bool {
        guard let first = line.first(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { return false }
        return first != "#" && !(line.first == "%")
    }
}
