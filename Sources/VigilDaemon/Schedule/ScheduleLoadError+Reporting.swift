import Schedule
import Server

extension ScheduleLoadError {
    /// Every problem as the HTTP API lists it (path, line, column, message).
    var inputProblems: [InputProblem] {
        issues.map { issue in
            InputProblem(
                path: issue.path, line: issue.position?.line, column: issue.position?.column, message: issue.message)
        }
    }

    /// The first `limit` lines (and how many were left out), for audit entries that must stay small.
    func abbreviated(limit: Int = 20) -> String {
        let lines = self.lines
        guard lines.count > limit else { return lines.joined(separator: "\n") }
        return (lines.prefix(limit) + ["… \(lines.count - limit) more line(s)"]).joined(separator: "\n")
    }
}
