/// One problem found in a YAML file, positioned so editors and terminals can jump to it.
///
/// Configuration and rule files are read by people who need to fix them, so every problem
/// carries the file, line and column of the offending node and the key path leading to it.
/// Readers collect these rather than stopping at the first, so one run shows every mistake.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the offending node starts.
    public var location: YAMLLocation
    /// The dotted key path of the offending node (`receivers[0].name`), empty for the root
    /// or for syntax errors.
    public var keyPath: String
    /// What is wrong, phrased for the person editing the file.
    public var message: String

    public init(location: YAMLLocation, keyPath: String, message: String) {
        self.location = location
        self.keyPath = keyPath
        self.message = message
    }

    /// `FILE:LINE:COL: KEYPATH: message` (the key part left out when empty).
    public var description: String {
        keyPath.isEmpty ? "\(location): \(message)" : "\(location): \(keyPath): \(message)"
    }
}
