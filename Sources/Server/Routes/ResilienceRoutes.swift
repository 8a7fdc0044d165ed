import Hummingbird
import NIOCore

/// `GET`/`PUT /api/v1/resilience/state` (the load-shedding level and active fallback operators
/// decide; writes need the bearer token), `GET /api/v1/resilience/report` (the latest report) and
/// `GET /api/v1/resilience/advice` (its cross-training advice).
struct ResilienceRoutes {
    let control: any ScheduleControl

    func register(on router: Router<VigilRequestContext>) {
        router.get("/api/v1/resilience/state") { _, _ in
            try ScheduleReplyResponse.response(for: await control.resilienceState())
        }
        router.put("/api/v1/resilience/state") { request, context in
            var request = request
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            return try ScheduleReplyResponse.response(
                for: await control.setResilienceState(Array(buffer: body), actor: "api"))
        }
        router.get("/api/v1/resilience/report") { _, _ in
            try ScheduleReplyResponse.response(for: await control.resilienceReport())
        }
        router.get("/api/v1/resilience/advice") { _, _ in
            try ScheduleReplyResponse.response(for: await control.resilienceAdvice())
        }
    }
}
