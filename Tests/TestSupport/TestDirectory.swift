import Foundation

/// A fresh directory under the system's temporary folder, removed when the test is done with it.
///
/// Tests touch real files (SQLite databases, secrets, configuration) and must never share them.
public final class TestDirectory: Sendable {
    public let path: String

    public init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("vigil-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let target = file(name)
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Waits for `operation`, giving up after `timeout`: nil when time ran out (or it produced nil).
///
/// Used where a test waits on another process or a server, which a hung peer must not turn into
/// a hung suite.
public func firstResult<T: Sendable>(
    within timeout: Duration, _ operation: @escaping @Sendable () async -> T?
) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await operation() }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}
