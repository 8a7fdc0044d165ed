import Foundation

/// Certificates made with the `openssl` command for TLS tests: a CA, a server certificate for
/// 127.0.0.1 and localhost signed by it, and a client certificate, all PEM files in `directory`.
///
/// Why real files from the real tool: Vigil reads the same PEM files an operator's `openssl` or
/// certbot writes, so the tests do too. Throws when `openssl` is missing (make test-deps installs it).
public struct TestCertificates: Sendable {
    public let directory: String
    public var caFile: String { directory + "/\(name)-ca.pem" }
    public var serverCertFile: String { directory + "/\(name)-server.pem" }
    public var serverKeyFile: String { directory + "/\(name)-server.key" }
    public var clientCertFile: String { directory + "/\(name)-client.pem" }
    public var clientKeyFile: String { directory + "/\(name)-client.key" }
    public let name: String

    /// Whether `openssl` is there to make certificates.
    public static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") }

    public init(in directory: String, name: String = "test") throws {
        self.directory = directory
        self.name = name
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let ca = "\(directory)/\(name)-ca"
        try Self.openssl([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
            "-subj", "/CN=Vigil test CA \(name)", "-keyout", "\(ca).key", "-out", "\(ca).pem",
        ])
        for (role, subject, extensions) in [
            ("server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth"),
            ("client", "/CN=vigil-client", "extendedKeyUsage=clientAuth"),
        ] {
            let base = "\(directory)/\(name)-\(role)"
            try Self.openssl([
                "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", subject,
                "-keyout", "\(base).key", "-out", "\(base).csr",
            ])
            try extensions.write(toFile: "\(base).ext", atomically: true, encoding: .utf8)
            try Self.openssl([
                "x509", "-req", "-in", "\(base).csr", "-CA", "\(ca).pem", "-CAkey", "\(ca).key", "-CAcreateserial",
                "-days", "2", "-extfile", "\(base).ext", "-out", "\(base).pem",
            ])
        }
    }

    struct OpenSSLFailed: Error, CustomStringConvertible {
        let arguments: [String]
        let output: String
        var description: String { "openssl \(arguments.joined(separator: " ")) failed: \(output)" }
    }

    private static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OpenSSLFailed(arguments: arguments, output: String(decoding: output, as: UTF8.self))
        }
    }
}
