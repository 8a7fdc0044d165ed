/// Remembers where each name was first defined and reports a later duplicate at its own position,
/// pointing back to the first: "duplicate receiver name "x" (first defined at line 6, column 11)".
///
/// Receivers, scrape jobs and (later) rule groups must be unique within their file; one helper
/// keeps the wording and the positions the same everywhere.
public struct YAMLUniqueNames {
    private var firstSeen: [String: YAMLLocation] = [:]
    private let what: String

    /// - Parameter what: how the message names the thing, e.g. `receiver name`, `job_name`.
    public init(_ what: String) {
        self.what = what
    }

    /// Records `name`, read from `value`; reports at `value` when it was seen before.
    public mutating func claim(_ name: String, at value: YAMLValue) {
        if let first = firstSeen[name] {
            value.report("duplicate \(what) \"\(name)\" (first defined at line \(first.line), column \(first.column))")
        } else {
            firstSeen[name] = value.location
        }
    }
}
