import Hummingbird
import NIOCore
import VigilCore

/// `/api/v1/status/buildinfo` in Prometheus' shape, so Grafana's Prometheus data source and
/// scripts that ask "which version runs here" get their answer from Vigil too.
struct BuildInfoRoute {
    func register(on router: Router<VigilRequestContext>) {
        router.get("/api/v1/status/buildinfo") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(
                    byteBuffer: ByteBuffer(
                        bytes: JSONEnvelope.success(
                            Dictionary(BuildInfo.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })))))
        }
    }
}
