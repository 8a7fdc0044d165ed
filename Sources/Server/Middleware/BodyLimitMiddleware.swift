import HTTPTypes
import Hummingbird

/// Refuses request bodies over ``VigilRequestContext/maxBodyBytes`` before any route sees them:
/// at once when `Content-Length` says so, or while collecting a chunked body.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = VigilRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let limit = context.maxUploadSize
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw HTTPError(.contentTooLarge)
        }
        guard
            request.method == .post || request.method == .put || request.method == .patch
                || request.headers[.transferEncoding] != nil || request.headers[.contentLength] != nil
        else {
            return try await next(request, context)
        }
        var request = request
        _ = try await request.collectBody(upTo: limit)
        return try await next(request, context)
    }
}
