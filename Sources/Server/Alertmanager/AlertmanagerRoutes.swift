import Alerting
import Foundation
import Hummingbird
import NIOCore
import TimeSeries
import VigilCore

/// Alertmanager API v2, so `amtool` and a Prometheus's `alerting.alertmanagers` work against Vigil:
/// alerts (list with filters, post), groups, silences (list, get, create or update, expire),
/// receivers and status, with Alertmanager 0.25's status codes and error bodies (a JSON string for
/// the handler's errors, `{"code","message"}` for malformed requests). Writes need the bearer token.
struct AlertmanagerRoutes {
    let settings: AlertmanagerAPISettings
    let clock: any VigilClock

    func register(on router: Router<VigilRequestContext>) {
        let settings = self.settings
        let clock = self.clock
        let pipeline = settings.pipeline
        router.get("/api/v2/status") { _, _ in
            var json = GoJSONWriter()
            json.raw("{")
            json.key("cluster")
            json.raw("{\"peers\":[],\"status\":\"disabled\"},")
            json.key("config")
            json.raw("{")
            json.key("original")
            json.string(await settings.originalConfig())
            json.raw("},")
            json.key("uptime")
            json.string(AlertmanagerJSON.time(settings.startedAt))
            json.raw(",")
            json.key("versionInfo")
            json.raw("{")
            let info = [
                ("branch", "main"), ("buildDate", ""), ("buildUser", "vigil"), ("goVersion", "none (Swift)"),
                ("revision", ""), ("version", "0.25.0"),
            ]
            for (index, (name, value)) in info.enumerated() {
                if index > 0 { json.raw(",") }
                json.key(name)
                json.string(value)
            }
            json.raw("}}")
            return Self.json(json.bytes)
        }
        router.get("/api/v2/receivers") { _, _ in
            var json = GoJSONWriter()
            json.raw("[")
            for (index, name) in await settings.receivers().enumerated() {
                if index > 0 { json.raw(",") }
                json.raw("{\"name\":")
                json.string(name)
                json.raw("}")
            }
            json.raw("]")
            return Self.json(json.bytes)
        }
        router.get("/api/v2/alerts") { request, context in
            let parameters = try await FormParameters.read(request, limit: context.maxUploadSize)
            let filter: AlertFilter
            switch AlertFilter.parse(parameters) {
            case .success(let parsed): filter = parsed
            case .failure(let failure): return Self.message(.badRequest, failure.message)
            }
            let now = clock.now().unixMilliseconds
            let views = await pipeline.alertViews(now: now).filter { filter.keeps($0, now: now) }
            var json = GoJSONWriter(capacity: 256 + views.count * 400)
            json.raw("[")
            for (index, view) in views.enumerated() {
                if index > 0 { json.raw(",") }
                AlertmanagerJSON.alert(view, into: &json)
            }
            json.raw("]")
            return Self.json(json.bytes)
        }
        router.post("/api/v2/alerts") { request, context in
            var request = request
            let body = Array(buffer: try await request.collectBody(upTo: context.maxUploadSize))
            let now = clock.now().unixMilliseconds
            let resolveTimeout = await pipeline.config.resolveTimeout
            let read: (alerts: [PipelineAlert], problems: [String])
            do {
                read = try PostedAlerts.read(body, now: now, resolveTimeout: resolveTimeout)
            } catch let error as PostedAlerts.FrameworkError {
                return Self.framework(error.status, code: error.code, error.message)
            }
            if !read.alerts.isEmpty { await pipeline.receive(read.alerts, now: now, persist: true) }
            if !read.problems.isEmpty {
                await pipeline.countInvalid(read.problems.count)
                return Self.message(.badRequest, read.problems.joined(separator: "; "))
            }
            return Response(status: .ok)
        }
        router.get("/api/v2/alerts/groups") { request, context in
            let parameters = try await FormParameters.read(request, limit: context.maxUploadSize)
            let filter: AlertFilter
            switch AlertFilter.parse(parameters) {
            case .success(let parsed): filter = parsed
            case .failure(let failure): return Self.message(.badRequest, failure.message)
            }
            let now = clock.now().unixMilliseconds
            var json = GoJSONWriter()
            json.raw("[")
            var first = true
            for group in await pipeline.groupViews(now: now) {
                if let receiver = filter.receiver, !receiver.matches(group.receiver) { continue }
                var unfiltered = filter
                unfiltered.receiver = nil
                let alerts = group.alerts.filter { unfiltered.keeps($0, now: now) }
                guard !alerts.isEmpty else { continue }
                if !first { json.raw(",") }
                first = false
                json.raw("{\"alerts\":[")
                for (index, view) in alerts.enumerated() {
                    if index > 0 { json.raw(",") }
                    AlertmanagerJSON.alert(view, into: &json)
                }
                json.raw("],")
                json.key("labels")
                json.stringMap(group.labels.pairs.map { ($0.name, $0.value) })
                json.raw(",\"receiver\":{\"name\":")
                json.string(group.receiver)
                json.raw("}}")
            }
            json.raw("]")
            return Self.json(json.bytes)
        }
        router.get("/api/v2/silences") { request, context in
            let parameters = try await FormParameters.read(request, limit: context.maxUploadSize)
            var filters: [LabelMatcher] = []
            for text in parameters.all("filter") {
                do {
                    filters += try MatcherParser.parse(text)
                } catch let error as MatcherParseError {
                    return Self.message(.badRequest, error.message)
                }
            }
            let now = clock.now().unixMilliseconds
            let silences = AlertmanagerJSON.sorted(Array(await pipeline.silences.byID.values), now: now).filter {
                silence in filters.allSatisfy { filter in silence.matchers.contains { $0 == filter } }
            }
            var json = GoJSONWriter()
            json.raw("[")
            for (index, silence) in silences.enumerated() {
                if index > 0 { json.raw(",") }
                AlertmanagerJSON.silence(silence, now: now, into: &json)
            }
            json.raw("]")
            return Self.json(json.bytes)
        }
        router.get("/api/v2/silence/{id}") { _, context in
            let id = context.parameters.get("id") ?? ""
            guard UUID(uuidString: id) != nil else {
                return Self.framework(422, code: 601, "silenceID in path must be of type uuid: \"\(id)\"")
            }
            guard let silence = await pipeline.silences.byID[id] else { return Response(status: .notFound) }
            var json = GoJSONWriter()
            AlertmanagerJSON.silence(silence, now: clock.now().unixMilliseconds, into: &json)
            return Self.json(json.bytes)
        }
        router.post("/api/v2/silences") { request, context in
            var request = request
            let body = Array(buffer: try await request.collectBody(upTo: context.maxUploadSize))
            let now = clock.now().unixMilliseconds
            let posted: PostedSilence
            switch PostedSilence.read(body) {
            case .success(let value): posted = value
            case .failure(let error): return Self.framework(error.status, code: error.code, error.message)
            }
            if posted.silence.endsAt <= posted.silence.startsAt {
                return Self.message(.badRequest, "Failed to create silence: start time must be before end time")
            }
            if posted.silence.endsAt < now {
                return Self.message(.badRequest, "Failed to create silence: end time can't be in the past")
            }
            let id: String
            do {
                id = try await pipeline.setSilence(posted.silence, now: now) { UUID().uuidString.lowercased() }
            } catch let error as SilenceError {
                switch error {
                case .notFound: return Self.message(.notFound, "silence not found")
                case .invalid(let message): return Self.message(.badRequest, "silence invalid: \(message)")
                case .alreadyExpired: return Self.message(.badRequest, error.description)
                }
            }
            await settings.audit(
                "api", posted.silence.id.isEmpty ? "silence.create" : "silence.update",
                [
                    "id": id, "created_by": posted.silence.createdBy, "comment": posted.silence.comment,
                    "matchers": Route.text(of: posted.silence.matchers),
                ])
            var json = GoJSONWriter()
            json.raw("{\"silenceID\":")
            json.string(id)
            json.raw("}\n")
            return Self.json(json.bytes)
        }
        router.delete("/api/v2/silence/{id}") { request, context in
            let id = context.parameters.get("id") ?? ""
            guard UUID(uuidString: id) != nil else {
                return Self.framework(422, code: 601, "silenceID in path must be of type uuid: \"\(id)\"")
            }
            do {
                try await pipeline.expireSilence(id: id, now: clock.now().unixMilliseconds)
                await settings.audit("api", "silence.expire", ["id": id])
            } catch let error as SilenceError {
                switch error {
                case .alreadyExpired: break
                case .notFound: return Self.message(.internalServerError, "silence not found")
                case .invalid(let message): return Self.message(.internalServerError, message)
                }
            }
            return Response(status: .ok)
        }
        NotificationRoutes(settings: settings, clock: clock).register(on: router)
        AckRoutes(settings: settings, clock: clock).register(on: router)
        OnCallRoutes(settings: settings, clock: clock).register(on: router)
        SignedAckRoute(settings: settings, clock: clock).register(on: router)
        AckPageRoutes(settings: settings, clock: clock).register(on: router)
    }

    static func json(_ bytes: [UInt8]) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A handler's error, as Alertmanager answers it: a JSON string and a newline.
    static func message(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var json = GoJSONWriter()
        json.string(text)
        json.raw("\n")
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: json.bytes)))
    }

    /// A malformed request, as go-openapi answers it: `{"code":602,"message":"…"}`.
    static func framework(_ status: Int, code: Int, _ text: String) -> Response {
        var json = GoJSONWriter()
        json.raw("{\"code\":\(code),\"message\":")
        json.string(text)
        json.raw("}")
        return Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: json.bytes)))
    }
}

/// The `active`, `silenced`, `inhibited`, `filter` and `receiver` parameters of the alert lists.
struct AlertFilter: Sendable {
    var active = true
    var silenced = true
    var inhibited = true
    var matchers: [LabelMatcher] = []
    var receiver: LabelMatcher?

    struct Failure: Error {
        var message: String
    }

    static func parse(_ parameters: FormParameters) -> Result<AlertFilter, Failure> {
        var filter = AlertFilter()
        func flag(_ name: String) -> Bool? {
            parameters[name].map { ["true", "1", "yes", "y", "on", "t"].contains($0.lowercased()) }
        }
        filter.active = flag("active") ?? true
        filter.silenced = flag("silenced") ?? true
        filter.inhibited = flag("inhibited") ?? true
        for text in parameters.all("filter") {
            do {
                filter.matchers += try MatcherParser.parse(text)
            } catch {
                return .failure(Failure(message: error.message))
            }
        }
        if let receiver = parameters["receiver"], !receiver.isEmpty {
            do {
                filter.receiver = try LabelMatcher("receiver", .regexMatch, receiver)
            } catch {
                return .failure(Failure(message: "failed to parse receiver param: \(error.message)"))
            }
        }
        return .success(filter)
    }

    func keeps(_ view: AlertView, now: Int64) -> Bool {
        if view.isResolved { return false }
        if !active && view.state == "active" { return false }
        if !silenced && !view.silencedBy.isEmpty { return false }
        if !inhibited && !view.inhibitedBy.isEmpty { return false }
        guard matchers.allSatisfy({ $0.matches(view.alert.labels) }) else { return false }
        if let receiver, !view.receivers.contains(where: { receiver.matches($0) }) { return false }
        return true
    }
}
