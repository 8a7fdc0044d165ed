/// Where the running configuration comes from, so a reload reads the same place again.
public enum ConfigSource: Sendable, Equatable, CustomStringConvertible {
    /// A YAML file (absolute path).
    case file(String)
    /// No file: the embedded defaults, relative to this working directory.
    case embeddedDefaults(baseDirectory: String)

    /// Reads and validates the configuration, applying `overrides`.
    public func load(overrides: ConfigOverrides) throws(ConfigLoadError) -> VigilConfig {
        switch self {
        case .file(let path):
            return overrides.apply(to: try ConfigLoader.load(path: path))
        case .embeddedDefaults(let base):
            return overrides.apply(to: VigilConfig.defaults(baseDirectory: base))
        }
    }

    public var description: String {
        switch self {
        case .file(let path): return path
        case .embeddedDefaults: return "embedded defaults"
        }
    }
}
