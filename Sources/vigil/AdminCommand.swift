import ArgumentParser
import Foundation
import Storage
import VigilDaemon

/// `vigil admin …`: the database's backup, restore and health check, run beside (or instead of) the daemon.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Back up, restore and check the database (exit 0 done, 1 failed, 2 usage).",
        subcommands: [AdminBackupCommand.self, AdminRestoreCommand.self, AdminCheckCommand.self]
    )
}

/// Which database: the one `vigil run` with the same `--config` and `--data` would open.
struct DatabaseLocation: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: etc/vigil.yml when present, else embedded defaults).")
    var config: String?

    @Option(name: .long, help: "Data directory: the database is DIR/vigil.db.")
    var data: String?

    func databasePath() throws -> String {
        let options = DaemonOptions(configPath: config, overrides: ConfigOverrides(dataDirectory: data))
        do {
            return try options.configSource.load(overrides: options.overrides).storage.path
        } catch {
            throw AdminFailure("cannot read the configuration: \(error)")
        }
    }
}

/// A failure `vigil admin` prints on standard error before exiting 1.
struct AdminFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension AdminFailure: LocalizedError {
    var errorDescription: String? { description }
}

/// `vigil admin backup FILE`: an online backup, safe while the daemon runs and writes.
struct AdminBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database to FILE while the daemon runs (checked before it is kept)."
    )

    @Argument(help: "The backup file to write; it must not exist.")
    var file: String

    @OptionGroup var location: DatabaseLocation

    func run() throws {
        let source = try location.databasePath()
        do {
            let check = try DatabaseBackup.backup(file: source, to: file)
            print("backup of \(source) written to \(check.path)")
            print(check.text)
        } catch {
            throw AdminFailure("backup failed: \(error)")
        }
    }
}

/// `vigil admin restore FILE`: replaces the database with a backup; refuses while a daemon runs on it.
struct AdminRestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database with a backup (the daemon must be stopped; the old file is kept aside)."
    )

    @Argument(help: "The backup file, as `vigil admin backup` or POST /api/v1/admin/backup wrote it.")
    var file: String

    @OptionGroup var location: DatabaseLocation

    func run() throws {
        let target = try location.databasePath()
        do {
            let restored = try DatabaseBackup.restore(from: file, to: target, at: Date())
            print("restored \(target) from \(file)")
            if let previous = restored.previous { print("the replaced database is kept as \(previous)") }
            print(restored.check.text)
        } catch {
            throw AdminFailure("restore refused: \(error)")
        }
    }
}

/// `vigil admin check`: integrity, schema version and sizes, read-only (exit 1 when unhealthy).
struct AdminCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database: integrity, schema version, outbox, alerts and audit log sizes."
    )

    @OptionGroup var location: DatabaseLocation

    func run() throws {
        let path = try location.databasePath()
        let check: DatabaseCheck
        do {
            check = try DatabaseCheck.inspect(path)
        } catch {
            throw AdminFailure("check failed: \(error)")
        }
        print(check.text)
        if !check.isHealthy { throw ExitCode.failure }
    }
}
