/// Why some bytes are not JSON (RFC 8259), and where: the first problem stops the parse, since
/// nothing after a syntax error can be trusted.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var position: JSONPosition
    /// What is wrong, phrased for the person editing the file.
    public var message: String

    public init(position: JSONPosition, message: String) {
        self.position = position
        self.message = message
    }

    /// `LINE:COL: message`.
    public var description: String { "\(position): \(message)" }
}
