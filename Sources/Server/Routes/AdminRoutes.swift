import Hummingbird
import NIOCore

/// What `POST /api/v1/admin/backup` asks of the daemon: take an online backup, answer what was written.
public struct AdminSettings: Sendable {
    /// Writes a backup into the data directory's `backups/` folder and describes it
    /// (`name`, `path`, `bytes`, `integrity`, `schema`), or throws a message an operator can act on.
    public var backup: @Sendable () async throws -> [String: String]

    public init(backup: @escaping @Sendable () async throws -> [String: String]) {
        self.backup = backup
    }
}

/// `POST /api/v1/admin/backup`, in the spirit of Prometheus' `/api/v1/admin/tsdb/snapshot`: the
/// backup stays on the daemon's disk (the body names it), the request needs the API token.
struct AdminRoutes {
    let settings: AdminSettings

    func register(on router: Router<VigilRequestContext>) {
        router.post("/api/v1/admin/backup") { _, _ in
            let described: [String: String]
            do {
                described = try await settings.backup()
            } catch {
                throw APIError(.internalServerError, type: "internal", "backup failed: \(error)")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: JSONEnvelope.success(described))))
        }
    }
}
