/// Where something sits in a YAML file, so every message can point a user at `FILE:LINE:COL`.
///
/// Lines and columns are 1-based, columns counted in Unicode scalars (as libyaml counts them).
/// A line of 0 means "the file as a whole" (an unreadable file, undecodable bytes).
public struct YAMLLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column, or 0 when the problem concerns the whole file.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The whole file, for problems that have no position.
    public static func wholeFile(_ file: String) -> YAMLLocation {
        YAMLLocation(file: file, line: 0, column: 0)
    }

    /// `FILE:LINE:COL`, or just `FILE` when there is no position.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }
}
