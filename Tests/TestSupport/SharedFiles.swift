import Foundation

/// The project's shared folder (`../shared` beside the repository): Prometheus' PromQL conformance
/// files, promtool's fixtures and the Python contingency reference.
///
/// A bare `git clone` has no such folder. Suites that need it are enabled only when the files are
/// there, with one line saying what they need and how to get it, so `make test` on a bare clone
/// runs everything else and passes. `VIGIL_SHARED=DIR` points at another copy (or, set to a
/// missing path, shows what a bare clone skips).
public enum SharedFiles {
    /// The shared folder, if it exists.
    public static let directory: String? = {
        if let override = ProcessInfo.processInfo.environment["VIGIL_SHARED"] {
            return FileManager.default.fileExists(atPath: override) ? override : nil
        }
        // Tests/TestSupport/SharedFiles.swift → the repository → its parent.
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidate = repository.deletingLastPathComponent().appendingPathComponent("shared").path
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }()

    /// `relative` inside the shared folder when it exists there.
    public static func path(_ relative: String) -> String? {
        guard let directory else { return nil }
        let full = (directory as NSString).appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: full) ? full : nil
    }

    /// promtool 2.42's own test fixtures (`shared/testdata/promtool-v2.42`).
    public static let promtoolFixtures: String? = path("testdata/promtool-v2.42")

    /// Prometheus 2.42's PromQL conformance files (`shared/testdata/promqltest-v2.42`).
    public static let conformanceFiles: String? = path("testdata/promqltest-v2.42")

    /// A path that never exists, for suites to hold when the shared folder is missing (their tests
    /// are disabled then; a relative fallback could find some other `shared` folder by accident).
    public static let absent = "/nonexistent/vigil-shared-folder-missing"

    /// The one line a skipped suite prints: what it needs and how to get it.
    public static func needs(_ relative: String, _ what: String) -> String {
        "needs \(what) in ../shared/\(relative) (the project's shared folder, beside the repository; "
            + "CI lays it there) or VIGIL_SHARED=DIR pointing at a copy"
    }

    /// The skip line for suites reading promtool's fixtures.
    public static let promtoolFixturesReason = needs("testdata/promtool-v2.42", "promtool 2.42's fixtures")

    /// The skip line for suites reading the conformance files.
    public static let conformanceFilesReason = needs(
        "testdata/promqltest-v2.42", "Prometheus' PromQL conformance files")
}
