import Hummingbird

/// The parameters of a Prometheus API request: the URL's query string, plus the body when it is
/// `application/x-www-form-urlencoded` (Grafana POSTs its queries), repeated keys kept (`match[]`).
struct FormParameters: Sendable {
    private var values: [String: [String]] = [:]

    init(encoded: String) {
        add(encoded)
    }

    /// Reads the query string and, for a form POST, the body (at most `limit` bytes).
    static func read(_ request: Request, limit: Int) async throws -> FormParameters {
        var parameters = FormParameters(encoded: request.uri.query ?? "")
        if request.method == .post,
            request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false
        {
            var request = request
            let body = try await request.collectBody(upTo: limit)
            parameters.add(String(buffer: body))
        }
        return parameters
    }

    /// The first value of `name`, as Go's `FormValue` (nil when absent).
    subscript(name: String) -> String? { values[name]?.first }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    private mutating func add(_ encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    /// `+` is a space; `%XX` a byte; invalid escapes are kept as written.
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let high = hex(iterator[iterator.startIndex]), let low = hex(iterator[iterator.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                iterator.removeFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
