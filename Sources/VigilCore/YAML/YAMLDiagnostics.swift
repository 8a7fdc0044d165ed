/// The problems found while reading one document, in the order they were found.
///
/// A reader keeps going after a problem so a user sees all of them at once; this is where they
/// accumulate. It is a reference type so nested readers can share it, and it is meant to live
/// for one load on one task only (it is deliberately not `Sendable`).
public final class YAMLDiagnostics {
    /// Every problem reported so far.
    public private(set) var errors: [YAMLError] = []

    public init() {}

    /// Whether nothing has been reported.
    public var isEmpty: Bool { errors.isEmpty }

    /// Records a problem.
    public func report(_ error: YAMLError) {
        errors.append(error)
    }

    /// The problems ordered by position in the file (stable for equal positions), which is how
    /// a person reads them.
    public var sortedErrors: [YAMLError] {
        errors.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.location.line, lhs.element.location.column, lhs.offset)
            let right = (rhs.element.location.line, rhs.element.location.column, rhs.offset)
            return left < right
        }.map(\.element)
    }
}
