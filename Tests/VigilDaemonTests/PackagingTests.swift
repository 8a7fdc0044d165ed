import Foundation
import Synchronization
import Testing
import VigilCore

/// `make deb`'s package, built from `dist/vigil` (`make dist`) by `packaging/make-deb`: what it holds,
/// what it depends on, that `lintian` finds no error in it and `systemd-analyze` accepts its unit.
///
/// Runs where `dist/vigil` exists (`.ci/run` builds it before `make test`) and `dpkg-deb` is
/// installed; on a machine without them it is skipped, saying so.
@Suite(.enabled(if: Packaging.available, Packaging.skipReason))
struct PackagingTests {
    @Test func thePackageHoldsTheBinaryConfigurationRulesRunbooksAndUnit() async throws {
        let built = try await Packaging.build()
        let fields = try Packaging.run(["dpkg-deb", "-f", built.deb, "Package", "Version", "Architecture", "Depends"])
        #expect(fields.contains("Package: vigil"))
        #expect(fields.contains("Version: \(BuildInfo.version)"))
        let depends = fields.split(separator: "\n").first { $0.hasPrefix("Depends: ") }.map(String.init) ?? ""
        for library in ["libc6", "libcurl4", "libsqlite3-0", "adduser"] {
            #expect(depends.contains(library), "Depends lacks \(library): \(depends)")
        }
        #expect(!depends.contains("swift"), "the Swift runtime is linked in: \(depends)")

        let listing = try Packaging.run(["dpkg-deb", "-c", built.deb])
        for path in [
            "./usr/bin/vigil", "./etc/vigil/vigil.yml", "./etc/vigil/rules/escalation.yml",
            "./etc/vigil/rules/alerts/", "./etc/default/vigil", "./lib/systemd/system/vigil.service",
            "./usr/share/vigil/runbooks/CriticalCoverageGap.md", "./usr/share/vigil/demo/program.json",
            "./usr/share/vigil/grafana/dashboards/resilience.json",
            "./usr/share/vigil/grafana/provisioning/datasources/vigil.yml",
            "./usr/share/doc/vigil/copyright", "./usr/share/doc/vigil/changelog.gz",
        ] {
            #expect(listing.contains(" \(path)"), "the package lacks \(path)")
        }
        #expect(!listing.contains("./var/lib/vigil"), "the data directory is postinst's, owned by the vigil user")

        let conffiles = try Packaging.run(["dpkg-deb", "-I", built.deb, "conffiles"])
        let etcFiles = try Packaging.run(["find", built.root + "/etc", "-type", "f"])
            .split(separator: "\n").map { String($0.dropFirst(built.root.count)) }
        #expect(!etcFiles.isEmpty)
        for file in etcFiles {
            #expect(conffiles.contains(file), "\(file) is not a conffile")
        }
        let postinst = try Packaging.run(["dpkg-deb", "-I", built.deb, "postinst"])
        #expect(postinst.contains("adduser --quiet --system --group --home /var/lib/vigil"))
        #expect(postinst.contains("install -d -o vigil -g vigil -m 0750 /var/lib/vigil"))
    }

    @Test func theInstalledConfigurationIsValidAndPointsAtTheSystemLayout() async throws {
        let built = try await Packaging.build()
        let config = try String(contentsOfFile: built.root + "/etc/vigil/vigil.yml", encoding: .utf8)
        #expect(config.contains("path: /var/lib/vigil/vigil.db"))
        #expect(config.contains("path: /usr/share/vigil/demo/program.json"))
        #expect(!config.contains("../"), "a relative path out of /etc/vigil is left")
        let check = try Packaging.run(
            [built.root + "/usr/bin/vigil", "check", "config", built.root + "/etc/vigil/vigil.yml"])
        #expect(check.contains("SUCCESS"), "\(check)")
    }

    @Test func theBinaryNeedsOnlyDebianLibraries() async throws {
        let built = try await Packaging.build()
        let libraries = try Packaging.run(["ldd", built.root + "/usr/bin/vigil"])
        #expect(!libraries.contains("not found"), "\(libraries)")
        #expect(!libraries.contains("libswift"), "the Swift runtime must be linked statically:\n\(libraries)")
        #expect(!libraries.contains("libFoundation"), "\(libraries)")
        let version = try Packaging.run([built.root + "/usr/bin/vigil", "--version"])
        #expect(version.contains("vigil, version \(BuildInfo.version)"))
        #expect(!version.contains("revision: unknown"), "make dist stamps the revision:\n\(version)")
    }

    @Test(.enabled(if: Packaging.has("lintian"), "lintian is not installed (apt-get install lintian)"))
    func lintianFindsNoError() async throws {
        let built = try await Packaging.build()
        let (_, report) = try Packaging.runWithStatus(["lintian", "--no-tag-display-limit", built.deb])
        let errors = report.split(separator: "\n").filter { $0.hasPrefix("E:") }
        #expect(errors.isEmpty, "lintian:\n\(report)")
    }

    @Test(.enabled(if: Packaging.has("systemd-analyze"), "systemd-analyze is not installed"))
    func systemdAcceptsTheUnit() async throws {
        let built = try await Packaging.build()
        // verify checks that ExecStart exists: point it at the unpacked binary. It exits 0 on unknown
        // keys and bad values too, only saying so; any output is a finding.
        let unit = try String(contentsOfFile: built.root + "/lib/systemd/system/vigil.service", encoding: .utf8)
        let copy = built.root + "/../vigil.service"
        try unit.replacingOccurrences(of: "/usr/bin/vigil", with: built.root + "/usr/bin/vigil")
            .write(toFile: copy, atomically: true, encoding: .utf8)
        let (status, output) = try Packaging.runWithStatus(["systemd-analyze", "verify", copy])
        #expect(status == 0 && output.isEmpty, "systemd-analyze verify:\n\(output)")
        let (_, security) = try Packaging.runWithStatus(["systemd-analyze", "security", "--offline=yes", copy])
        let exposure = security.split(separator: "\n").first { $0.contains("Overall exposure level") }
            .flatMap { $0.split(separator: ":").last?.split(separator: " ").first }.flatMap { Double($0) }
        #expect(exposure.map { $0 < 3 } == true, "systemd-analyze security rates the sandbox weak:\n\(security)")
        for setting in [
            "Type=notify", "ExecReload=/bin/kill -HUP $MAINPID", "Restart=on-failure", "User=vigil",
            "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes",
            "ReadWritePaths=/var/lib/vigil", "CapabilityBoundingSet=\n",
            "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX", "SystemCallFilter=@system-service",
        ] {
            #expect(unit.contains(setting), "the unit lacks \(setting)")
        }
    }
}

/// Building the package once per test run, and running the tools that inspect it.
enum Packaging {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static var binary: String {
        ProcessInfo.processInfo.environment["VIGIL_DIST_BINARY"] ?? repository + "/dist/vigil"
    }
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: binary) && has("dpkg-deb") && has("dpkg-shlibdeps")
    }
    static let skipReason: Comment =
        "needs dist/vigil (make dist, which .ci/run does before make test) and dpkg-deb with dpkg-shlibdeps (dpkg-dev)"

    static func has(_ tool: String) -> Bool {
        ["/usr/bin/", "/bin/", "/usr/sbin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + tool) }
    }

    struct Built: Sendable {
        let deb: String
        /// The package's files unpacked, as they would be installed.
        let root: String
    }

    private static let built = Mutex<Task<Built, any Error>?>(nil)

    static func build() async throws -> Built {
        let task = built.withLock { task in
            if let task { return task }
            let made = Task { () throws -> Built in
                let directory = NSTemporaryDirectory() + "vigil-deb-\(UUID().uuidString)"
                let output = try run([repository + "/packaging/make-deb", binary, BuildInfo.version, directory])
                let deb = output.split(separator: "\n").last.map(String.init) ?? ""
                let root = directory + "/root"
                _ = try run(["dpkg-deb", "-x", deb, root])
                return Built(deb: deb, root: root)
            }
            task = made
            return made
        }
        return try await task.value
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs a tool to completion; its standard output and error together, or an error when it fails.
    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let (status, text) = try runWithStatus(arguments)
        if status != 0 {
            throw Failed(description: "\(arguments.joined(separator: " ")) exited \(status):\n\(text)")
        }
        return text
    }

    /// Runs a tool to completion: its exit status, and its standard output and error together.
    static func runWithStatus(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0].hasPrefix("/") ? arguments[0] : "/usr/bin/env")
        process.arguments = arguments[0].hasPrefix("/") ? Array(arguments.dropFirst()) : arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
