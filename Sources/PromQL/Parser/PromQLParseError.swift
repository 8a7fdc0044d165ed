/// Why a PromQL expression, selector or series line was rejected, and where: Prometheus' message
/// and position, so API clients and rule authors see what Prometheus would show them.
public struct PromQLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the offending token.
    public var line: Int
    /// 1-based column of the offending token, counted in UTF-8 bytes as Prometheus counts it.
    public var column: Int
    /// 0-based character offset of the offending token in the input.
    public var offset: Int
    /// Prometheus' wording, e.g. `unexpected "}" in label matching, expected string`.
    public var message: String

    public init(line: Int, column: Int, offset: Int, message: String) {
        self.line = line
        self.column = column
        self.offset = offset
        self.message = message
    }

    /// An error at a UTF-8 byte offset of `input`, with line and column computed as Prometheus does.
    init(input: [UInt8], byteOffset: Int, message: String) {
        let position = min(max(byteOffset, 0), input.count)
        var line = 1
        var lastLineBreak = -1
        for index in 0..<position where input[index] == 0x0A {
            line += 1
            lastLineBreak = index
        }
        self.init(
            line: line,
            column: position - lastLineBreak,
            offset: String(decoding: input[0..<position], as: UTF8.self).count,
            message: message
        )
    }

    /// `1:14: parse error: <message>`, as Prometheus prints a parse error.
    public var description: String { "\(line):\(column): parse error: \(message)" }
}
