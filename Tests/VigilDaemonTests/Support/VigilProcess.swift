import Foundation
import Synchronization
import TestSupport

/// The built `vigil` executable run as a child process, as an operator would run it: its
/// standard error read line by line, signals sent to it, its exit awaited with a deadline.
final class VigilProcess: Sendable {
    struct Timeout: Error, CustomStringConvertible {
        let waitingFor: String
        let output: String
        var description: String { "timed out waiting for \(waitingFor); output so far:\n\(output)" }
    }

    /// The `vigil` binary SwiftPM built beside the test bundle (or `$VIGIL_BINARY`).
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["VIGIL_BINARY"] { return path }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("vigil").path
    }

    /// Text shared between the pipe's reader thread and the test.
    final class SharedText: Sendable {
        let text = Mutex("")
    }

    private let process: Process
    private let output = SharedText()
    private let lines: AsyncStream<String>
    private let exits: AsyncStream<Int32>

    init(arguments: [String], environment: [String: String] = [:], directory: String) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { mine, _ in mine }
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        let (lines, lineContinuation) = AsyncStream.makeStream(of: String.self)
        let (exits, exitContinuation) = AsyncStream.makeStream(of: Int32.self)
        self.lines = lines
        self.exits = exits
        let partial = SharedText()
        let output = self.output
        // A plain thread doing blocking reads: FileHandle.readabilityHandler's dispatch source
        // has crashed libdispatch on Linux when the pipe closes under it.
        let reader = pipe.fileHandleForReading
        let thread = Thread {
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                let text = String(decoding: data, as: UTF8.self)
                output.text.withLock { $0 += text }
                let complete: [String] = partial.text.withLock { buffer in
                    buffer += text
                    var parts = buffer.components(separatedBy: "\n")
                    buffer = parts.removeLast()
                    return parts
                }
                complete.forEach { lineContinuation.yield($0) }
            }
            lineContinuation.finish()
        }
        process.terminationHandler = { process in
            exitContinuation.yield(process.terminationStatus)
            exitContinuation.finish()
        }
        try process.run()
        try? pipe.fileHandleForWriting.close()  // only the child holds the write end now, so EOF comes at its exit
        thread.start()
    }

    var pid: Int32 { process.processIdentifier }
    var everything: String { output.text.withLock { $0 } }

    /// Waits for the next line that satisfies `matches`, returning it.
    func waitForLine(
        _ description: String, timeout: Duration = .seconds(30), where matches: @escaping @Sendable (String) -> Bool
    ) async throws -> String {
        let lines = self.lines
        let found = await firstResult(within: timeout) { () -> String? in
            for await line in lines where matches(line) { return line }
            return nil
        }
        guard let found else { throw Timeout(waitingFor: description, output: everything) }
        return found
    }

    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// The exit status, or nil when the process did not exit within `timeout`.
    func waitForExit(timeout: Duration) async -> Int32? {
        let exits = self.exits
        return await firstResult(within: timeout) { () -> Int32? in
            for await status in exits { return status }
            return nil
        }
    }

    /// Runs `vigil` to completion and returns its exit status and combined output.
    static func runToCompletion(_ arguments: [String], directory: String) async throws -> (
        status: Int32, output: String
    ) {
        let process = try VigilProcess(arguments: arguments, directory: directory)
        guard let status = await process.waitForExit(timeout: .seconds(60)) else {
            process.send(SIGKILL)
            throw Timeout(waitingFor: "vigil \(arguments.joined(separator: " ")) to exit", output: process.everything)
        }
        // The pipe may still hold the last lines; wait until it closes.
        _ = try? await process.waitForLine("end of output", timeout: .seconds(5)) { _ in false }
        return (status, process.everything)
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
