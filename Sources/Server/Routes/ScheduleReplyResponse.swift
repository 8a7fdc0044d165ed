import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Turns a ``ScheduleControlReply`` into the Prometheus API envelope: `{"status":"success","data":…}`
/// or `{"status":"error","errorType":…,"error":…}`, a refusal carrying every problem in `errors`.
enum ScheduleReplyResponse {
    static func response(for reply: ScheduleControlReply) throws(APIError) -> Response {
        switch reply {
        case .ok(let json):
            var body = Array(#"{"status":"success","data":"#.utf8)
            body += json
            body.append(UInt8(ascii: "}"))
            return jsonResponse(.ok, body)
        case .rejected(let problems, let omitted):
            return jsonResponse(.badRequest, rejection(problems, omitted: omitted))
        case .unavailable(let reason):
            throw APIError(.serviceUnavailable, type: "unavailable", reason)
        case .failed(let reason):
            throw APIError(.internalServerError, type: "internal", reason)
        }
    }

    /// The 400 body: `error` is the first problem (what a client that reads only the standard
    /// envelope shows), `errors` all of them, `omitted` how many more were found but not listed.
    static func rejection(_ problems: [InputProblem], omitted: Int) -> [UInt8] {
        struct Rejection: Encodable {
            let status = "error"
            let errorType = "bad_data"
            let error: String
            let errors: [InputProblem]
            let omitted: Int
        }
        let first = problems.first?.description ?? "invalid request body"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try? encoder.encode(Rejection(error: first, errors: problems, omitted: omitted))
        return Array(data ?? Data())
    }

    private static func jsonResponse(_ status: HTTPResponse.Status, _ body: [UInt8]) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
