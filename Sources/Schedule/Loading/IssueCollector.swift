/// Gathers problems up to a limit and counts the rest. Paths and messages are autoclosures so a
/// garbage file's millions of problems cost a count each, not a string each.
struct IssueCollector {
    let limit: Int
    private(set) var issues: [ScheduleIssue] = []
    private(set) var omittedCount = 0

    init(limit: Int) { self.limit = limit }

    var isEmpty: Bool { issues.isEmpty && omittedCount == 0 }
    /// True once further problems are only counted (so callers can skip costly messages).
    var isFull: Bool { issues.count >= limit }

    mutating func report(
        _ path: @autoclosure () -> String, at position: JSONPosition?, _ message: @autoclosure () -> String
    ) {
        guard issues.count < limit else {
            omittedCount += 1
            return
        }
        issues.append(ScheduleIssue(path: path(), position: position, message: message()))
    }

    /// The kept problems in file order (those without a position first), ties in the order found.
    var sortedIssues: [ScheduleIssue] {
        issues.enumerated().sorted { lhs, rhs in
            switch (lhs.element.position, rhs.element.position) {
            case (nil, nil): return lhs.offset < rhs.offset
            case (nil, _): return true
            case (_, nil): return false
            case (let left?, let right?): return left == right ? lhs.offset < rhs.offset : left < right
            }
        }.map(\.element)
    }
}
