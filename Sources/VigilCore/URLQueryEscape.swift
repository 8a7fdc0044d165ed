/// Percent-encoding for URL query strings, in one place for every client of it (scrape `params`, the
/// templates' `urlquery` and `graphLink`, `vigil query --server`).
public enum URLQueryEscape {
    /// Encodes everything but RFC 3986's unreserved characters (`A-Z a-z 0-9 - _ . ~`); with
    /// `spaceAsPlus`, a space becomes `+` as Go's `url.QueryEscape` writes it, else `%20`.
    public static func escape(_ text: String, spaceAsPlus: Bool = true) -> String {
        let hex = Array("0123456789ABCDEF")
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " ") where spaceAsPlus:
                output += "+"
            default:
                output += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0x0F)])"
            }
        }
        return output
    }
}
