/// One problem in a schedule file, said so a program coordinator can find and fix it: the JSON path
/// (`assignments[812].person`), the line and column, and what is wrong.
public struct ScheduleIssue: Sendable, Hashable, CustomStringConvertible {
    /// The JSON path of the offending value, empty for the document as a whole or a syntax error.
    public var path: String
    /// Where the offending value (or the syntax error) is; nil when the file could not be read.
    public var position: JSONPosition?
    /// What is wrong, in the coordinator's words.
    public var message: String

    public init(path: String, position: JSONPosition?, message: String) {
        self.path = path
        self.position = position
        self.message = message
    }

    /// `LINE:COL: PATH: message`, leaving out the parts that are missing.
    public var description: String {
        var parts: [String] = []
        if let position { parts.append(position.description) }
        if !path.isEmpty { parts.append(path) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }

    /// `FILE:LINE:COL: PATH: message`, as compilers print it (terminals and editors jump there).
    public func formatted(file: String) -> String {
        if position != nil { return "\(file):\(description)" }
        return "\(file): \(description)"
    }
}
