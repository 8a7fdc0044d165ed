import Hummingbird
import NIOCore
import Prometheus

/// `GET /metrics`: the daemon's registry in Prometheus' text exposition format 0.0.4.
struct MetricsRoute {
    let registry: PrometheusCollectorRegistry

    func register(on router: Router<VigilRequestContext>) {
        router.get("/metrics") { _, _ in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(16 * 1024)
            registry.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
    }
}
