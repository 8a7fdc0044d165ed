import Foundation
import Hummingbird
import NIOCore
import PromQL
import Prometheus
import VigilCore

/// The rest of Prometheus' HTTP API that Grafana's Prometheus data source and Prometheus' own UI
/// call — `/api/v1/metadata`, `/api/v1/query_exemplars`, `/api/v1/targets`,
/// `/api/v1/status/config`, `/api/v1/status/flags`, `/api/v1/format_query` — in Prometheus 2.42's
/// shapes, so a data source pointed at Vigil passes Grafana's checks and its metric browser has
/// help texts.
struct StatusRoutes {
    let registry: PrometheusCollectorRegistry
    let control: (any StatusControl)?
    let clock: any VigilClock

    func register(on router: Router<VigilRequestContext>) {
        let registry = self.registry
        router.get("/api/v1/metadata") { request, _ in
            let query = request.uri.queryParameters
            let limit = try Self.limit(query.get("limit"), "limit")
            let perMetric = try Self.limit(query.get("limit_per_metric"), "limit_per_metric")
            let metric = query.get("metric").flatMap { $0.isEmpty ? nil : $0 }
            return Self.json(
                MetricMetadata.json(registry: registry, metric: metric, limit: limit, perMetric: perMetric))
        }
        for method in [HTTPRequest.Method.get, .post] {
            router.on("/api/v1/query_exemplars", method: method) { request, context in
                let parameters = try await FormParameters.read(request, limit: context.maxUploadSize)
                do {
                    _ = try PromQLParser.parse(parameters["query"] ?? "")
                } catch {
                    throw APIError(.badRequest, type: "bad_data", "invalid parameter \"query\": \(error)")
                }
                // Vigil keeps no exemplars: the answer Prometheus gives for series without any.
                return Self.json(Array(#"{"status":"success","data":[]}"#.utf8))
            }
            router.on("/api/v1/format_query", method: method) { request, context in
                let parameters = try await FormParameters.read(request, limit: context.maxUploadSize)
                let expr: Expr
                do {
                    expr = try PromQLParser.parse(parameters["query"] ?? "")
                } catch {
                    throw APIError(.badRequest, type: "bad_data", "invalid parameter \"query\": \(error)")
                }
                var json = GoJSONWriter()
                json.raw(#"{"status":"success","data":"#)
                json.string(expr.description)
                json.raw("}")
                return Self.json(json.bytes)
            }
        }
        guard let control else { return }
        router.get("/api/v1/status/flags") { _, _ in
            var json = GoJSONWriter()
            json.raw(#"{"status":"success","data":"#)
            json.stringMap(await control.flags())
            json.raw("}")
            return Self.json(json.bytes)
        }
        router.get("/api/v1/status/config") { _, _ in
            var json = GoJSONWriter()
            json.raw(#"{"status":"success","data":{"yaml":"#)
            json.string(await control.configYAML())
            json.raw("}}")
            return Self.json(json.bytes)
        }
        router.get("/api/v1/targets") { request, _ in
            let state = request.uri.queryParameters.get("state").flatMap { $0.isEmpty ? nil : $0 } ?? "any"
            let targets = ["active", "any"].contains(state) ? await control.targets() : []
            return Self.json(TargetsJSON.envelope(targets, pool: request.uri.queryParameters.get("scrapePool")))
        }
    }

    static func limit(_ text: String?, _ name: String) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Int(text) else {
            throw APIError(.badRequest, type: "bad_data", "invalid parameter \"\(name)\": \"\(text)\" is not a number")
        }
        return value > 0 ? value : nil
    }

    static func json(_ bytes: [UInt8]) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
