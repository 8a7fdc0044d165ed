/// Parses RFC 8259 JSON into positioned values, strictly: no comments, trailing commas, leading
/// zeros, raw control characters in strings, lone surrogates, duplicate keys or trailing garbage.
///
/// Our own parser rather than Foundation's because the `Schedule` target stays pure and because a
/// schedule's every problem must name its line and column, which `JSONSerialization` cannot.
public enum JSONParser {
    /// How deeply arrays and objects may nest before the input is refused (the parser recurses). A
    /// schedule nests five deep; 512 overflowed the stack of an address-sanitized build (the fuzzer
    /// found it), and a request handler's thread has less stack than the main one.
    public static let defaultMaxDepth = 64

    /// The document in `bytes` (UTF-8, an optional byte-order mark is skipped); the first syntax
    /// problem is thrown with its position.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(bytes: buffer, maxDepth: maxDepth)
            do throws(JSONSyntaxError) {
                return .success(try reader.readDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
