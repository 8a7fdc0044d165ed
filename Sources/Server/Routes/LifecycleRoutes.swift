import Hummingbird
import NIOCore

/// `/-/healthy`, `/-/ready` and `/-/reload`, answered the way Prometheus answers them, so
/// load balancers and scripts written for Prometheus work unchanged.
struct LifecycleRoutes {
    let control: any DaemonControl

    func register(on router: Router<VigilRequestContext>) {
        for method in [HTTPRequest.Method.get, .head] {
            router.on("/-/healthy", method: method) { _, _ in
                Self.text(.ok, "Vigil is Healthy.\n")
            }
            router.on("/-/ready", method: method) { _, _ in
                await control.isReady()
                    ? Self.text(.ok, "Vigil is Ready.\n")
                    : Self.text(.serviceUnavailable, "Service Unavailable\n")
            }
        }
        for method in [HTTPRequest.Method.post, .put] {
            router.on("/-/reload", method: method) { request, _ in
                switch await control.reload(actor: "api") {
                case .reloaded:
                    return Response(
                        status: .ok, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: JSONEnvelope.success(["reloaded": "true"]))))
                case .kept(let reason):
                    throw APIError(.internalServerError, type: "reload", "failed to reload config: \(reason)")
                }
            }
        }
    }

    static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
