import Foundation

/// A message as Python's `email` package reads it: the independent parser the tests check Vigil's
/// RFC 5322 / MIME output against.
struct ParsedEmail: Decodable {
    struct Part: Decodable {
        let contentType: String
        let charset: String?
        let encoding: String?
        /// The decoded (quoted-printable → UTF-8) text.
        let text: String
    }

    /// Every header, raw (encoded words and folding kept), in order.
    let headers: [[String]]
    /// The `Subject` with RFC 2047 encoded words decoded.
    let subject: String
    /// The `Date` in seconds since the epoch.
    let date: Double?
    let contentType: String
    let parts: [Part]
    /// Problems the parser noticed, for the message and each part.
    let defects: [String]

    /// The raw value of header `name` (case-insensitive), folding whitespace removed.
    func header(_ name: String) -> String? {
        headers.first { $0[0].lowercased() == name.lowercased() }.map {
            $0[1].replacingOccurrences(of: "\r\n", with: "").replacingOccurrences(of: "\n", with: "")
        }
    }

    func part(_ contentType: String) -> Part? {
        parts.first { $0.contentType == contentType }
    }

    static let script = """
        import email, email.utils, json, sys
        from email.header import decode_header, make_header
        message = email.message_from_bytes(sys.stdin.buffer.read())
        defects = [type(d).__name__ for d in message.defects]
        parts = []
        for part in message.walk():
            defects += [type(d).__name__ for d in part.defects]
            if part.is_multipart():
                continue
            charset = part.get_content_charset()
            parts.append({"contentType": part.get_content_type(), "charset": charset,
                          "encoding": part.get("Content-Transfer-Encoding"),
                          "text": part.get_payload(decode=True).decode(charset or "ascii")})
        date = message.get("Date")
        print(json.dumps({
            "headers": [[name, str(value)] for name, value in message.items()],
            "subject": str(make_header(decode_header(message.get("Subject", "")))),
            "date": email.utils.parsedate_to_datetime(date).timestamp() if date else None,
            "contentType": message.get_content_type(),
            "parts": parts,
            "defects": defects,
        }))
        """

    /// Parses `message` with Python.
    static func parse(_ message: [UInt8]) async throws -> ParsedEmail {
        let output = try await Python.run(script, input: message)
        return try JSONDecoder().decode(ParsedEmail.self, from: output)
    }
}
