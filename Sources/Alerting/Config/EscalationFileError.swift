import VigilCore

/// Every problem found in the escalation files, each at `FILE:LINE:COL: key.path: message`.
public struct EscalationFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let errors: [YAMLError]

    public init(errors: [YAMLError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
