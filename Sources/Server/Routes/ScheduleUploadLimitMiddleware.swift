import HTTPTypes
import Hummingbird

/// The body limit with one exception: `PUT /api/v1/schedule` may carry up to
/// ``ScheduleRoutes/maxScheduleBytes``. Every other request goes through the ordinary
/// ``BodyLimitMiddleware`` (1 MiB) unchanged.
///
/// For the schedule route only a declared `Content-Length` is checked here; the route itself
/// reads the body with the larger limit, after ``SecurityMiddleware`` has checked the token.
struct ScheduleUploadLimitMiddleware: RouterMiddleware {
    typealias Context = VigilRequestContext

    let other: BodyLimitMiddleware

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method == .put, Self.isSchedulePath(request.uri.path) else {
            return try await other.handle(request, context: context, next: next)
        }
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }),
            declared > ScheduleRoutes.maxScheduleBytes
        {
            throw ScheduleRoutes.tooLarge
        }
        return try await next(request, context)
    }

    static func isSchedulePath(_ path: String) -> Bool {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return path == ScheduleRoutes.schedulePath
    }
}
