import Foundation

/// Lexical path handling for configuration: paths in a config file are relative to the file's
/// directory, and are stored absolute and normalised so logs and comparisons are unambiguous.
/// Purely textual (no file system access), so glob patterns survive unchanged.
enum ConfigPaths {
    /// `path` made absolute against `directory` (kept as is when already absolute), normalised.
    static func absolute(_ path: String, relativeTo directory: String) -> String {
        normalize(path.hasPrefix("/") ? path : directory + "/" + path)
    }

    /// `path` made absolute against the process' working directory.
    static func absoluteFromWorkingDirectory(_ path: String) -> String {
        absolute(path, relativeTo: FileManager.default.currentDirectoryPath)
    }

    /// The directory holding `file` (an absolute path).
    static func directory(of file: String) -> String {
        normalize(file + "/..")
    }

    /// Removes empty and `.` components and folds `..` into its parent; `..` above `/` stays `/`.
    /// A relative input stays relative (leading `..` kept).
    static func normalize(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".":
                continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !isAbsolute {
                    parts.append(part)
                }
            default:
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
