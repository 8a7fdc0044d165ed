/// Reads a schedule file (DESIGN.md §3, `etc/schema/schedule.schema.json`) into a `Program`, or
/// says everything that is wrong with it.
///
/// The engine trusts a `Program` completely (every reference resolves, nobody is in two places in one
/// half-day), so all checking happens here, once, with messages a program coordinator can act on.
public enum ScheduleLoader {
    /// Reads and checks the file at `path`.
    public static func load(path: String) throws(ScheduleLoadError) -> Program {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path)
        } catch {
            throw ScheduleLoadError(
                file: path, issues: [ScheduleIssue(path: "", position: nil, message: error.description)])
        }
        return try parse(bytes: bytes, file: path)
    }

    /// Checks a schedule document held in memory (`file` names it in messages).
    public static func parse(bytes: [UInt8], file: String) throws(ScheduleLoadError) -> Program {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ScheduleLoadError(
                file: file, issues: [ScheduleIssue(path: "", position: error.position, message: error.message)])
        }
        var reader = ProgramReader(limit: ScheduleLoadError.reportLimit)
        if let program = reader.read(root) { return program }
        throw ScheduleLoadError(
            file: file, issues: reader.issues.sortedIssues, omittedCount: reader.issues.omittedCount)
    }
}
