import Foundation
import Synchronization
import TestSupport

/// Python, run as a child process: the reference implementation tests compare against (the `email`
/// package, `hmac`) and the SMTP server they deliver to.
enum Python {
    /// Debian's interpreter (which has `aiosmtpd`) when present, else the one on the PATH.
    static let executable: String =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "/usr/bin/env"

    private static var prefix: [String] { executable == "/usr/bin/env" ? ["python3"] : [] }

    /// Whether `import <module>` works.
    static func canImport(_ module: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = prefix + ["-c", "import \(module)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return false
        }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Runs `script` with `input` on standard input and returns its standard output; throws when it
    /// exits unsuccessfully (with its standard error) or does not finish within `timeout`.
    static func run(
        _ script: String, arguments: [String] = [], input: [UInt8], within timeout: Duration = .seconds(30)
    ) async throws -> Data {
        let directory = TestDirectory()
        let inputPath = directory.file("stdin")
        let outputPath = directory.file("stdout")
        let errorPath = directory.file("stderr")
        _ = FileManager.default.createFile(atPath: inputPath, contents: Data(input))
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = prefix + ["-c", script] + arguments
        process.standardInput = FileHandle(forReadingAtPath: inputPath)
        process.standardOutput = FileHandle(forWritingAtPath: outputPath)
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        let exits = EventLog<Int32>()
        process.terminationHandler = { exits.append($0.terminationStatus) }
        try process.run()
        guard let status = await exits.wait(forCount: 1, within: timeout)?.first else {
            process.terminate()
            throw ChildProcessError(message: "python did not finish within \(timeout)")
        }
        guard status == 0 else {
            let stderr = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw ChildProcessError(message: "python exited with \(status): \(stderr)")
        }
        return try Data(contentsOf: URL(fileURLWithPath: outputPath))
    }
}

struct ChildProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A real SMTP server: `aiosmtpd` with its `Mailbox` handler, writing every message it accepts to a
/// maildir (with the envelope in `X-MailFrom` and `X-RcptTo`).
final class SMTPServer: Sendable {
    let port: Int
    let maildir: String
    private let process: Process
    private let output: EventLog<String>

    static let isAvailable = Python.canImport("aiosmtpd")

    private init(port: Int, maildir: String, process: Process, output: EventLog<String>) {
        self.port = port
        self.maildir = maildir
        self.process = process
        self.output = output
    }

    /// Starts a server in `directory`, runs `body` and stops the server.
    static func run<T: Sendable>(
        in directory: TestDirectory, arguments: [String] = [], _ body: @Sendable (SMTPServer) async throws -> T
    ) async throws -> T {
        let server = try await start(in: directory, arguments: arguments)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private static func start(in directory: TestDirectory, arguments: [String]) async throws -> SMTPServer {
        let port = try LoopbackPort.unused()
        let maildir = directory.file("maildir")
        let output = EventLog<String>()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Python.executable)
        process.arguments =
            (Python.executable == "/usr/bin/env" ? ["python3"] : [])
            + [
                "-u", "-m", "aiosmtpd", "-n", "-d", "-l", "127.0.0.1:\(port)",
            ] + arguments + ["-c", "aiosmtpd.handlers.Mailbox", maildir]
        let stderr = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        stderr.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
            } else {
                output.append(String(decoding: data, as: UTF8.self))
            }
        }
        process.terminationHandler = { output.append("<exited \($0.terminationStatus)>") }
        try process.run()
        let server = SMTPServer(port: port, maildir: maildir, process: process, output: output)
        let started = await output.wait(within: .seconds(20)) { chunks in
            let text = chunks.joined()
            return text.contains("Server is listening") || text.contains("<exited")
        }
        let text = started?.joined() ?? ""
        guard text.contains("Server is listening"), !text.contains("<exited") else {
            await server.stop()
            throw ChildProcessError(message: "aiosmtpd did not start on port \(port): \(text)")
        }
        return server
    }

    /// `127.0.0.1:<port>`.
    var smarthost: String { "127.0.0.1:\(port)" }

    /// Stops the server and waits until it has exited (idempotent). SIGKILL rather than SIGTERM: a
    /// child inherits the dispositions of the test process, where a service under test may have set
    /// SIGTERM to be ignored; aiosmtpd writes each message before it answers, so nothing is lost.
    func stop() async {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        _ = await output.wait(within: .seconds(20)) { $0.contains { $0.hasPrefix("<exited") } }
    }

    /// The messages the server accepted, as raw bytes, in no particular order.
    func receivedMessages() throws -> [[UInt8]] {
        let directory = (maildir as NSString).appendingPathComponent("new")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return try names.sorted().map { name in
            Array(try Data(contentsOf: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name))))
        }
    }
}

/// Loopback ports for servers the test starts (or deliberately does not start).
enum LoopbackPort {
    /// A port on 127.0.0.1 that nothing listened on a moment ago: bound to port 0, read, closed.
    static func unused() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ChildProcessError(message: "socket: \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw ChildProcessError(message: "bind: \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw ChildProcessError(message: "getsockname: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
