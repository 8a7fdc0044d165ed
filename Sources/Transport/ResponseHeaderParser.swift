/// Turns the raw header lines libcurl reports into the final response's ordered header list.
///
/// Why its own type: libcurl hands over every header line of every response on the way, including
/// `100 Continue` and redirect responses, with their CRLFs. Only the last response's headers belong in
/// an `HTTPResponse`, so a new status line starts the list afresh. Kept free of C so it can be tested alone.
struct ResponseHeaderParser {
    private(set) var headers: [(name: String, value: String)] = []

    /// Consumes one header line as libcurl delivers it (status line, header, or blank line).
    mutating func consume(_ line: some Collection<UInt8>) {
        var text = String(decoding: line, as: UTF8.self)
        while let last = text.last, last == "\r\n" || last == "\n" || last == "\r" {
            text.removeLast()
        }
        if text.hasPrefix("HTTP/") {
            headers.removeAll(keepingCapacity: true)
            return
        }
        guard !text.isEmpty else { return }
        if let first = text.first, first == " " || first == "\t" {
            // Obsolete line folding: a continuation of the previous header's value.
            if let previous = headers.indices.last {
                let continuation = Self.trimmed(Substring(text))
                headers[previous].value += headers[previous].value.isEmpty ? continuation : " " + continuation
            }
            return
        }
        guard let colon = text.firstIndex(of: ":") else { return }
        let name = Self.trimmed(text[..<colon])
        guard !name.isEmpty else { return }
        headers.append((name: name, value: Self.trimmed(text[text.index(after: colon)...])))
    }

    private static func trimmed(_ text: Substring) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = text.firstIndex(where: { !isBlank($0) }),
            let end = text.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(text[start...end])
    }
}
