import Foundation
import Hummingbird
import VigilCore

/// Outermost middleware: times every request on the injected clock and records it in
/// ``HTTPMetrics`` once the answer (or the error that becomes the answer) is known.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = VigilRequestContext

    let metrics: HTTPMetrics
    let clock: any VigilClock

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = clock.now()
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            record(context: context, method: method, code: response.status.code, start: start)
            return response
        } catch {
            let code = (error as? any HTTPResponseError)?.status.code ?? 500
            record(context: context, method: method, code: code, start: start)
            throw error
        }
    }

    private func record(context: Context, method: String, code: Int, start: Date) {
        let handler: String
        switch context.endpointPath {
        case nil, "NotFound": handler = "unmatched"
        case let path?: handler = path
        }
        metrics.record(handler: handler, method: method, code: code, seconds: clock.seconds(since: start))
    }
}
