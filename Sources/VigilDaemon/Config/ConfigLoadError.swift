import VigilCore

/// Why a configuration file was rejected: every problem found, each at `FILE:LINE:COL`.
///
/// The loader reports all problems at once so a user fixes the file in one pass; a reload that
/// fails this way keeps the running configuration.
public struct ConfigLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, ordered by position in the file.
    public let errors: [YAMLError]

    public init(errors: [YAMLError]) {
        self.errors = errors
    }

    /// One problem per line: `FILE:LINE:COL: KEYPATH: message`.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
