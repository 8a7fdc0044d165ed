import Hummingbird
import NIOCore

/// Prometheus' query API on the daemon — `/api/v1/query`, `/api/v1/query_range`, `/api/v1/series`,
/// `/api/v1/labels`, `/api/v1/label/{name}/values`, each by GET or form POST — so Grafana's
/// Prometheus data source and `promtool query` work against Vigil unchanged.
struct QueryRoutes {
    let api: QueryAPI

    func register(on router: Router<VigilRequestContext>) {
        for method in [HTTPRequest.Method.get, .post] {
            router.on("/api/v1/query", method: method) { request, context in
                let parameters = try await FormParameters.read(request, limit: context.maxUploadSize)
                return try Self.respond(
                    await api.settings.gate.run { waited in api.instant(parameters, waited: waited) })
            }
            router.on("/api/v1/query_range", method: method) { request, context in
                let parameters = try await FormParameters.read(request, limit: context.maxUploadSize)
                return try Self.respond(await api.settings.gate.run { waited in api.range(parameters, waited: waited) })
            }
            router.on("/api/v1/series", method: method) { request, context in
                let parameters = try await FormParameters.read(request, limit: context.maxUploadSize)
                return try Self.respond(await api.settings.gate.run { _ in api.series(parameters) })
            }
            router.on("/api/v1/labels", method: method) { request, context in
                let parameters = try await FormParameters.read(request, limit: context.maxUploadSize)
                return try Self.respond(await api.settings.gate.run { _ in api.labelNames(parameters) })
            }
            router.on("/api/v1/label/:name/values", method: method) { request, context in
                let name = context.parameters.get("name") ?? ""
                let parameters = try await FormParameters.read(request, limit: context.maxUploadSize)
                return try Self.respond(await api.settings.gate.run { _ in api.labelValues(name, parameters) })
            }
        }
    }

    private static func respond(_ result: Result<[UInt8], APIError>) throws -> Response {
        switch result {
        case .success(let bytes):
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        case .failure(let error):
            throw error
        }
    }
}
