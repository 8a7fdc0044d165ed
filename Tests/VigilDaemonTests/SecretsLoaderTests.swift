import Foundation
import Logging
import TestSupport
import Testing

@testable import VigilDaemon

@Suite("Secrets")
struct SecretsLoaderTests {
    let logger = Logger(label: "secrets-test")

    @Test func generatesStrongSecretsWithMode0600OnFirstStartAndReusesThem() throws {
        let directory = TestDirectory()
        let loader = SecretsLoader(dataDirectory: directory.path, environment: [:], logger: logger)
        let first = try loader.load()
        #expect(first.generated.count == 2)
        #expect(first.secrets.apiToken != first.secrets.webhookSecret)
        for secret in [first.secrets.apiToken, first.secrets.webhookSecret] {
            #expect(secret.count == 43)  // 32 bytes, base64url, no padding
            #expect(secret.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            #expect(
                Data(
                    base64Encoded: secret.replacingOccurrences(of: "-", with: "+").replacingOccurrences(
                        of: "_", with: "/") + "=")?.count == 32)
        }
        for name in ["api_token", "webhook_secret"] {
            let path = directory.file("secrets/\(name)")
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
        let folderMode =
            try FileManager.default.attributesOfItem(atPath: directory.file("secrets"))[.posixPermissions] as? Int
        #expect(folderMode == 0o700)

        let second = try loader.load()
        #expect(second.generated.isEmpty)
        #expect(second.secrets == first.secrets)
    }

    @Test func logsWhereAGeneratedSecretIsKeptButNeverItsValue() throws {
        let directory = TestDirectory()
        let lines = CapturingLogHandler.Lines()
        let loaded = try SecretsLoader(
            dataDirectory: directory.path, environment: [:], logger: CapturingLogHandler.logger(lines)
        ).load()
        let log = lines.all.joined(separator: "\n")
        #expect(log.contains(directory.file("secrets/api_token")))
        #expect(log.contains(directory.file("secrets/webhook_secret")))
        #expect(!log.contains(loaded.secrets.apiToken))
        #expect(!log.contains(loaded.secrets.webhookSecret))
    }

    @Test func environmentAndFileVariablesWinOverGeneratedFiles() throws {
        let directory = TestDirectory()
        let webhook = String(repeating: "w", count: 40)
        let webhookFile = try directory.write("elsewhere/hook", webhook + "\n")
        let token = String(repeating: "a", count: 32)
        let loader = SecretsLoader(
            dataDirectory: directory.path,
            environment: ["VIGIL_API_TOKEN": token, "VIGIL_WEBHOOK_SECRET_FILE": webhookFile], logger: logger)
        let loaded = try loader.load()
        #expect(loaded.secrets == Secrets(apiToken: token, webhookSecret: webhook))
        #expect(loaded.generated.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory.file("secrets/api_token")))
    }

    @Test func secretsShorterThan32CharactersAreRefusedWithoutRevealingThem() throws {
        let directory = TestDirectory()
        let short = "correct-horse-battery-staple"  // 28 characters
        let loader = SecretsLoader(
            dataDirectory: directory.path, environment: ["VIGIL_API_TOKEN": short], logger: logger)
        #expect(throws: SecretsError.tooShort(source: "VIGIL_API_TOKEN", length: 28)) { try loader.load() }
        let message = SecretsError.tooShort(source: "VIGIL_API_TOKEN", length: 28).description
        #expect(!message.contains(short))

        let file = try directory.write("short", "tiny\n")
        let fromFile = SecretsLoader(
            dataDirectory: directory.path, environment: ["VIGIL_WEBHOOK_SECRET_FILE": file], logger: logger)
        #expect(throws: SecretsError.self) { try fromFile.load() }
    }

    @Test func aMissingSecretFileIsReported() throws {
        let directory = TestDirectory()
        let loader = SecretsLoader(
            dataDirectory: directory.path, environment: ["VIGIL_API_TOKEN_FILE": directory.file("absent")],
            logger: logger)
        #expect {
            try loader.load()
        } throws: { error in
            guard case .unreadable(let path, _) = error as? SecretsError else { return false }
            return path == directory.file("absent")
        }
    }
}
