/// Every problem found in a schedule file at once, so one run shows the coordinator the whole list.
///
/// A garbage file could yield hundreds of thousands of problems; only the first
/// `ScheduleLoadError.reportLimit` are kept, in file order, and the rest are counted.
public struct ScheduleLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// How many problems are kept; the others are only counted in `omittedCount`.
    public static let reportLimit = 200

    /// The file as the caller named it (used as the prefix of every line).
    public var file: String
    /// The problems kept, in file order; never empty.
    public var issues: [ScheduleIssue]
    /// Problems found beyond `reportLimit`.
    public var omittedCount: Int

    public init(file: String, issues: [ScheduleIssue], omittedCount: Int = 0) {
        self.file = file
        self.issues = issues
        self.omittedCount = omittedCount
    }

    /// One line per problem (`FILE:LINE:COL: PATH: message`), then `… and N more` when some were left out.
    public var lines: [String] {
        var lines = issues.map { $0.formatted(file: file) }
        if omittedCount > 0 {
            lines.append("… and \(omittedCount) more problem\(omittedCount == 1 ? "" : "s")")
        }
        return lines
    }

    public var description: String { lines.joined(separator: "\n") }
}
