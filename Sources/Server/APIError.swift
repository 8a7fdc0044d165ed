import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An error answered in the Prometheus API's envelope:
/// `{"status":"error","errorType":"bad_data","error":"…"}`.
///
/// Grafana and `promtool` read this shape, so every error the daemon answers — unknown routes and
/// oversized bodies included — uses it.
public struct APIError: Error, HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let errorType: String
    public let message: String
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, type errorType: String, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.errorType = errorType
        self.message = message
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        let body = JSONEnvelope.error(type: errorType, message: message)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The Prometheus `errorType` Vigil uses for an HTTP status without a more specific one.
    static func errorType(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400, 413: return "bad_data"
        case 401: return "unauthorized"
        case 403: return "forbidden"
        case 404: return "not_found"
        case 405: return "method_not_allowed"
        case 422: return "execution"
        case 503: return "unavailable"
        default: return status.code >= 500 ? "internal" : "bad_data"
        }
    }
}

/// Builds the JSON bodies of the Prometheus API envelope.
enum JSONEnvelope {
    static func error(type: String, message: String) -> [UInt8] {
        object(["status": "error", "errorType": type, "error": message])
    }

    static func success(_ data: [String: String] = [:]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        struct Success: Encodable {
            let status = "success"
            let data: [String: String]
        }
        return Array((try? encoder.encode(Success(data: data))) ?? Data())
    }

    private static func object(_ fields: [String: String]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(fields)) ?? Data())
    }
}
