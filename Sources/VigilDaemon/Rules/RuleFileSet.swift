import Foundation
import Rules

/// The rule files a configuration names, expanded and read all together.
///
/// All or nothing: a reload swaps rules only when every file is valid, so one broken file never takes
/// the other rules down with it — the running rules stay until the files are fixed.
public enum RuleFileSet {
    /// Expands `rule_files` patterns (as Go's `filepath.Glob`: no match is no file, not an error), sorted
    /// and without duplicates, in pattern order.
    public static func paths(for patterns: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for pattern in patterns {
            for path in glob(pattern) where seen.insert(path).inserted {
                result.append(path)
            }
        }
        return result
    }

    /// Reads every file the patterns match; throws every file's problems at once.
    public static func load(patterns: [String]) throws(RuleFileError) -> [RuleFile] {
        var files: [RuleFile] = []
        var errors: RuleFileError?
        for path in paths(for: patterns) {
            do {
                files.append(try RuleFileParser.load(path: path))
            } catch {
                errors = RuleFileError(errors: (errors?.errors ?? []) + error.errors)
            }
        }
        if let errors { throw errors }
        return files
    }

    private static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { index in
            result.gl_pathv[index].map { String(cString: $0) }
        }.sorted()
    }
}
