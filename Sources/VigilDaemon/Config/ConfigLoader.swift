import Foundation
import VigilCore

/// Reads `etc/vigil.yml` into a ``VigilConfig``, checking everything a running daemon would
/// otherwise trip over later, and reporting every problem at once with `FILE:LINE:COL`.
///
/// Keys follow Prometheus and Alertmanager where they overlap; unknown keys are errors (a typo
/// must not silently fall back to a default). Paths are relative to the file's directory.
public enum ConfigLoader {
    /// Reads and parses the file at `path` (relative paths against the working directory).
    public static func load(path: String) throws(ConfigLoadError) -> VigilConfig {
        let absolute = ConfigPaths.absoluteFromWorkingDirectory(path)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: absolute))
        } catch {
            throw fileError(path, "cannot read config file: \(readFailureReason(absolute, error))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw fileError(path, "config file is not valid UTF-8 text")
        }
        return try parse(yaml: text, path: path)
    }

    /// Parses configuration text as if read from `path`, which names the file in errors and
    /// anchors relative paths (relative `path` against the working directory).
    public static func parse(yaml: String, path: String) throws(ConfigLoadError) -> VigilConfig {
        let absolute = ConfigPaths.absoluteFromWorkingDirectory(path)
        let document: YAMLDocument
        do {
            document = try YAMLDocument.parse(yaml: yaml, file: path)
        } catch {
            throw ConfigLoadError(errors: [error])
        }
        let diagnostics = YAMLDiagnostics()
        let context = ConfigReadContext(configDirectory: ConfigPaths.directory(of: absolute))
        let root = document.root(reportingTo: diagnostics)
        let config = root.mapping { context.readConfig($0, sourcePath: absolute) }
        guard var config, diagnostics.isEmpty else {
            throw ConfigLoadError(errors: diagnostics.sortedErrors)
        }
        config.sourceText = yaml
        return config
    }

    private static func fileError(_ path: String, _ message: String) -> ConfigLoadError {
        ConfigLoadError(errors: [YAMLError(location: .wholeFile(path), keyPath: "", message: message)])
    }

    private static func readFailureReason(_ path: String, _ error: any Error) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return "no such file"
        }
        if isDirectory.boolValue {
            return "is a directory"
        }
        if !FileManager.default.isReadableFile(atPath: path) {
            return "permission denied"
        }
        return error.localizedDescription
    }
}
