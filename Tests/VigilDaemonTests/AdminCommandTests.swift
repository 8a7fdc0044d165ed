import Foundation
import Storage
import TestSupport
import Testing

/// `vigil admin backup|restore|check` beside a running `vigil run`: the lock is held across
/// processes, names the daemon's pid, and goes with the daemon however it ends.
@Suite struct AdminCommandTests {
    @Test func restoreRefusesWhileTheDaemonRunsAndGoesThroughOnceItIsKilled() async throws {
        let directory = TestDirectory()
        let config = try directory.write("vigil.yml", VigilProcessTests.goodConfig)
        let (vigil, _) = try await VigilProcessTests.startDaemon(config: config, in: directory)
        let location = ["--config", config, "--data", directory.file("data")]
        let backup = directory.file("backups/taken.db")

        let taken = try await VigilProcess.runToCompletion(
            ["admin", "backup", backup] + location, directory: directory.path)
        #expect(taken.status == 0, "\(taken.output)")
        #expect(taken.output.contains("integrity:  ok"), "\(taken.output)")
        #expect(try DatabaseCheck.inspect(backup).isHealthy)

        let refused = try await VigilProcess.runToCompletion(
            ["admin", "restore", backup] + location, directory: directory.path)
        #expect(refused.status == 1)
        #expect(refused.output.contains("in use by a running Vigil (pid \(vigil.pid))"), "\(refused.output)")
        let secondDaemon = try await VigilProcess.runToCompletion(
            ["run"] + location + ["--listen", "127.0.0.1:0"], directory: directory.path)
        #expect(secondDaemon.status == 1)
        #expect(secondDaemon.output.contains("(pid \(vigil.pid)); stop it first"), "\(secondDaemon.output)")

        // kill -9: nothing runs at exit, the kernel drops the lock all the same.
        vigil.send(SIGKILL)
        #expect(await vigil.waitForExit(timeout: .seconds(10)) != nil)
        let restored = try await VigilProcess.runToCompletion(
            ["admin", "restore", backup] + location, directory: directory.path)
        #expect(restored.status == 0, "\(restored.output)")
        #expect(
            restored.output.contains(
                "the replaced database is kept as \(directory.file("data/vigil.db")).before-restore-"))
        let checked = try await VigilProcess.runToCompletion(["admin", "check"] + location, directory: directory.path)
        #expect(checked.status == 0, "\(checked.output)")
        #expect(checked.output.contains("integrity:  ok"))
    }
}
