/// Why a scrape body is not valid text exposition format, and where: a malformed line fails the whole
/// scrape (as in Prometheus), and the message must let the target's owner find the line.
public struct ExpositionParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the offending byte.
    public var line: Int
    /// 1-based column of the offending byte, counted in Unicode scalars from the start of its line.
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }

    /// An error at byte `offset` of `body`, its line and column counted from the bytes before it.
    static func at(_ offset: Int, in body: UnsafeBufferPointer<UInt8>, _ message: String) -> ExpositionParseError {
        var line = 1
        var lineStart = 0
        let end = min(offset, body.count)
        for index in 0..<end where body[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        var column = 1
        for index in lineStart..<end where body[index] & 0xC0 != 0x80 { column += 1 }
        return ExpositionParseError(line: line, column: column, message: message)
    }
}
