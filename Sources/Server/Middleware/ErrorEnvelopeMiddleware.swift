import Hummingbird
import Logging
import NIOCore

/// Turns every error a route throws into the Prometheus API's JSON error envelope, so clients
/// get a body they can parse for unknown routes, oversized bodies and failures alike.
struct ErrorEnvelopeMiddleware: RouterMiddleware {
    typealias Context = VigilRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let message: String
            switch error.status {
            case .notFound: message = error.body ?? "no route for \(request.method) \(request.uri.path)"
            case .contentTooLarge: message = "request body larger than \(VigilRequestContext.maxBodyBytes) bytes"
            default: message = error.body ?? error.status.reasonPhrase
            }
            return try APIError(
                error.status, type: APIError.errorType(for: error.status), message, headers: error.headers
            )
            .response(from: request, context: context)
        } catch is NIOTooManyBytesError {
            return try APIError(
                .contentTooLarge, type: "bad_data", "request body larger than \(VigilRequestContext.maxBodyBytes) bytes"
            ).response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return try APIError(.internalServerError, type: "internal", "internal error: \(error)")
                .response(from: request, context: context)
        }
    }
}
