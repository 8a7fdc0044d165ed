import VigilCore

/// Every problem found in one rule file, each at its `FILE:LINE:COL`.
///
/// A file is all or nothing (a reload keeps the old rules when any problem is found), but a person
/// fixing it wants to see every problem at once, hence a list.
public struct RuleFileError: Error, Sendable, CustomStringConvertible {
    public var errors: [YAMLError]

    public init(errors: [YAMLError]) {
        self.errors = errors
    }

    /// One problem per line.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
