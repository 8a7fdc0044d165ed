/// The route from a document's root to one value, such as `receivers[0].webhook_configs[1].url`.
///
/// Line and column say where a problem is; the key path says what it is, which survives
/// reformatting and reads well in logs.
public struct YAMLKeyPath: Sendable, Hashable, CustomStringConvertible {
    /// One step: a mapping key or a sequence index.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the root, outermost first.
    public private(set) var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The document's root (an empty path).
    public static let root = YAMLKeyPath()

    /// This path extended by a mapping key.
    public func appending(key: String) -> YAMLKeyPath {
        YAMLKeyPath(components + [.key(key)])
    }

    /// This path extended by a sequence index.
    public func appending(index: Int) -> YAMLKeyPath {
        YAMLKeyPath(components + [.index(index)])
    }

    /// Dotted form: `a.b[2].c`; keys that would read ambiguously are quoted: `labels["a.b"]`.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where Self.isPlain(key):
                text += text.isEmpty ? key : ".\(key)"
            case .key(let key):
                text += "[\"\(key)\"]"
            }
        }
        return text
    }

    private static func isPlain(_ key: String) -> Bool {
        !key.isEmpty
            && !key.unicodeScalars.contains { scalar in
                scalar == "." || scalar == "[" || scalar == "]" || scalar == "\"" || scalar.properties.isWhitespace
            }
    }
}
