import CBuildInfo

/// What this binary is: `vigil --version`, `/api/v1/status/buildinfo` and `vigil_build_info`, in
/// the fields Prometheus reports, so whoever debugs an installation knows exactly what runs.
///
/// The version is in the source; revision, branch, build user and date are stamped by `make dist`
/// and empty in a development build.
public enum BuildInfo {
    public static let version = "0.1.0"
    public static let revision = String(cString: vigil_build_revision())
    public static let branch = String(cString: vigil_build_branch())
    public static let buildUser = String(cString: vigil_build_user())
    public static let buildDate = String(cString: vigil_build_date())
    /// The compiler's version as `make dist` read it, else the language version this was built with.
    public static let swiftVersion: String = {
        let stamped = String(cString: vigil_build_swift_version())
        if !stamped.isEmpty { return stamped }
        #if compiler(>=6.3)
            return "6.3+"
        #elseif compiler(>=6.2)
            return "6.2"
        #elseif compiler(>=6.1)
            return "6.1"
        #else
            return "6.0"
        #endif
    }()

    /// `vigil --version`, in the layout of `prometheus --version`.
    public static var text: String {
        func or(_ value: String) -> String { value.isEmpty ? "unknown" : value }
        return """
            vigil, version \(version) (branch: \(or(branch)), revision: \(or(revision)))
              build user:       \(or(buildUser))
              build date:       \(or(buildDate))
              swift version:    \(swiftVersion)
              platform:         linux/\(architecture)
            """
    }

    static var architecture: String {
        #if arch(x86_64)
            return "amd64"
        #elseif arch(arm64)
            return "arm64"
        #else
            return "unknown"
        #endif
    }

    /// The `data` of `/api/v1/status/buildinfo`: Prometheus' keys, with Swift's version in place of Go's.
    public static var fields: [(name: String, value: String)] {
        [
            ("version", version), ("revision", revision), ("branch", branch), ("buildUser", buildUser),
            ("buildDate", buildDate), ("swiftVersion", swiftVersion),
        ]
    }
}
