/// Checks a request before any of it reaches libcurl.
///
/// Why: libcurl sends header lines and the method verbatim, so a CR/LF smuggled into either (say from a
/// templated webhook header) would inject extra headers or requests; and libcurl happily guesses a
/// scheme for "example.com" or speaks `file://`. Vigil only ever means absolute http(s) URLs.
enum RequestValidation {
    static func validate(_ request: HTTPRequest) throws(TransportError) {
        try validateURL(request.url)
        guard !request.method.isEmpty, request.method.utf8.allSatisfy(isTokenByte) else {
            throw .invalidRequest("method \"\(request.method)\" is not an HTTP token")
        }
        for header in request.headers {
            guard !header.name.isEmpty, header.name.utf8.allSatisfy(isTokenByte) else {
                throw .invalidRequest("header name \"\(header.name)\" is not an HTTP token")
            }
            guard !header.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) else {
                throw .invalidRequest("header \(header.name) has a CR, LF or NUL in its value")
            }
        }
    }

    static func validateURL(_ url: String) throws(TransportError) {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            throw .invalidURL(url)
        }
        // Control characters, spaces and NUL (which would silently cut the C string short).
        guard !url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
            throw .invalidURL(url)
        }
    }

    /// RFC 9110 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
