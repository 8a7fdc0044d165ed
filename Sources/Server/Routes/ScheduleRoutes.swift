import Hummingbird
import NIOCore

/// `PUT /api/v1/schedule` (push a schedule snapshot, bearer token) and
/// `GET /api/v1/schedule/summary` (what the engine sees).
///
/// A year of a large program is several megabytes of JSON, so this one route reads bodies up to
/// ``maxScheduleBytes``; ``ScheduleUploadLimitMiddleware`` keeps the 1 MiB limit for every other
/// route. The token is checked (by ``SecurityMiddleware``) before the body is read, so an
/// unauthenticated client cannot make the daemon buffer 64 MiB.
struct ScheduleRoutes {
    static let schedulePath = "/api/v1/schedule"
    /// The largest schedule document accepted.
    static let maxScheduleBytes = 64 << 20

    let control: any ScheduleControl

    func register(on router: Router<VigilRequestContext>) {
        router.put(RouterPath(Self.schedulePath)) { request, _ in
            let body: ByteBuffer
            do {
                var request = request
                body = try await request.collectBody(upTo: Self.maxScheduleBytes)
            } catch is NIOTooManyBytesError {
                throw Self.tooLarge
            }
            let reply = await control.pushSchedule(Array(buffer: body), actor: "api")
            return try ScheduleReplyResponse.response(for: reply)
        }
        router.get("/api/v1/schedule/summary") { _, _ in
            try ScheduleReplyResponse.response(for: await control.scheduleSummary())
        }
    }

    static var tooLarge: APIError {
        APIError(.contentTooLarge, type: "bad_data", "schedule larger than \(maxScheduleBytes) bytes")
    }
}
