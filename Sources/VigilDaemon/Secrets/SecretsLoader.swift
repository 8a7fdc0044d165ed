import Crypto
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the daemon's secrets — secure by default, zero configuration for the demo.
///
/// For each secret, in order: the environment variable (`VIGIL_API_TOKEN`), a file named by
/// `VIGIL_API_TOKEN_FILE`, the file kept in `<data>/secrets/`, or else a new random one
/// (32 bytes, base64url) written there with mode 0600. The path is logged, the value never.
public struct SecretsLoader: Sendable {
    /// One secret's names: environment variable and file in the secrets folder.
    struct Slot: Sendable {
        let environmentName: String
        let fileName: String
    }

    static let apiToken = Slot(environmentName: "VIGIL_API_TOKEN", fileName: "api_token")
    static let webhookSecret = Slot(environmentName: "VIGIL_WEBHOOK_SECRET", fileName: "webhook_secret")

    public let directory: String
    public let environment: [String: String]
    let logger: Logger

    /// - Parameters:
    ///   - dataDirectory: the daemon's data folder; secrets live in its `secrets/` subfolder.
    ///   - environment: the process environment (injected so tests control it).
    public init(dataDirectory: String, environment: [String: String], logger: Logger) {
        self.directory = (dataDirectory as NSString).appendingPathComponent("secrets")
        self.environment = environment
        self.logger = logger
    }

    /// Loads both secrets, generating the missing ones. Returns the names of generated files.
    public func load() throws(SecretsError) -> (secrets: Secrets, generated: [String]) {
        var generated: [String] = []
        let token = try resolve(Self.apiToken, generated: &generated)
        let webhook = try resolve(Self.webhookSecret, generated: &generated)
        return (Secrets(apiToken: token, webhookSecret: webhook), generated)
    }

    private func resolve(_ slot: Slot, generated: inout [String]) throws(SecretsError) -> String {
        if let value = environment[slot.environmentName], !value.isEmpty {
            return try validated(value, source: slot.environmentName)
        }
        let fileVariable = slot.environmentName + "_FILE"
        if let path = environment[fileVariable], !path.isEmpty {
            return try validated(try read(path), source: "\(fileVariable) (\(path))")
        }
        let path = (directory as NSString).appendingPathComponent(slot.fileName)
        if FileManager.default.fileExists(atPath: path) {
            warnIfShared(path)
            return try validated(try read(path), source: path)
        }
        let value = Self.generate()
        try write(value, to: path)
        logger.notice("generated a new secret", metadata: ["secret": "\(slot.environmentName)", "path": "\(path)"])
        generated.append(path)
        return value
    }

    private func validated(_ value: String, source: String) throws(SecretsError) -> String {
        guard value.count >= Secrets.minimumLength else {
            throw .tooShort(source: source, length: value.count)
        }
        return value
    }

    private func read(_ path: String) throws(SecretsError) -> String {
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
    }

    private func warnIfShared(_ path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0
        else { return }
        logger.warning(
            "secret file is readable by other users; run chmod 600 on it",
            metadata: ["path": "\(path)", "mode": "\(String(mode, radix: 8))"])
    }

    /// 32 random bytes from the system's CSPRNG, base64url without padding (43 characters).
    static func generate() -> String {
        let key = SymmetricKey(size: .bits256)
        let base64 = key.withUnsafeBytes { Data($0).base64EncodedString() }
        return base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Creates the file exclusively with mode 0600 (inside a 0700 folder), so the secret is never
    /// readable by others, not even for an instant.
    private func write(_ value: String, to path: String) throws(SecretsError) {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotWrite(path: directory, reason: error.localizedDescription)
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let bytes = Array((value + "\n").utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
