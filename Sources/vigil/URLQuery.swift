import VigilCore

/// A URL query string from name/value pairs, percent-encoding everything but RFC 3986's unreserved characters.
enum URLQuery {
    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        URLQueryEscape.escape(text, spaceAsPlus: false)
    }
}
