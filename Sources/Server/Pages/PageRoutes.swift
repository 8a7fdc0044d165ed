import Foundation
import Hummingbird
import NIOCore
import VigilCore

/// The pages a coordinator opens on a phone, server-rendered HTML (no JavaScript build step):
/// `/`, `/alerts`, `/silences`, `/incidents`, `/incidents/{id}`, `/oncall`, `/schedule`, `/rules`, their
/// stylesheet, and the forms' actions under `/ui/` (``AccessPolicy``'s `page`: a web user, whose
/// name goes on the record, and this form's CSRF token; a refused one changes nothing). Each
/// action answers with a redirect (post, redirect, get), so reloading never repeats it.
struct PageRoutes {
    let pages: any WebPages
    let csrf: PageCSRF
    let clock: any VigilClock

    func register(on router: Router<VigilRequestContext>) {
        let pages = self.pages
        router.get("/") { request, context in Self.html(await pages.statusBoard(viewer: viewer(request, context))) }
        router.get("/alerts") { request, context in
            Self.html(await pages.alerts(query: Self.query(request), viewer: viewer(request, context)))
        }
        router.get("/silences") { request, context in
            Self.html(await pages.silences(query: Self.query(request), viewer: viewer(request, context)))
        }
        router.get("/incidents") { request, context in
            Self.html(await pages.incidents(viewer: viewer(request, context)))
        }
        router.get("/incidents/{id}") { request, context in
            let viewer = viewer(request, context)
            guard let html = await pages.incident(id: context.parameters.get("id") ?? "", viewer: viewer) else {
                return Self.html(await pages.incidents(viewer: viewer), status: .notFound)
            }
            return Self.html(html)
        }
        router.get("/oncall") { request, context in Self.html(await pages.onCall(viewer: viewer(request, context))) }
        router.get("/rules") { request, context in Self.html(await pages.rules(viewer: viewer(request, context))) }
        router.get("/runbooks/{name}") { request, context in
            let viewer = viewer(request, context)
            guard let html = await pages.runbook(name: context.parameters.get("name") ?? "", viewer: viewer) else {
                throw APIError(.notFound, type: "not_found", "no such runbook")
            }
            return Self.html(html)
        }
        router.get("/schedule") { request, context in
            Self.html(await pages.schedule(viewer: viewer(request, context)))
        }
        router.get("/static/vigil.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: pages.stylesheet)))
        }
        router.get("/static/vigil.js") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: pages.script)))
        }
        router.post("/ui/ack") { request, context in
            try await act(request, context) { form in .acknowledgeGroup(groupKey: form["group_key"] ?? "") }
        }
        router.post("/ui/silences") { request, context in
            try await act(request, context) { form in
                .createSilence(
                    matchers: form["matchers"] ?? "", duration: form["duration"] ?? "", comment: form["comment"] ?? "")
            }
        }
        router.post("/ui/silences/{id}/expire") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await act(request, context) { _ in .expireSilence(id: id) }
        }
        router.post("/ui/incidents/{id}/phase") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await act(request, context) { form in
                let reason = form["reason"].flatMap { $0.isEmpty ? nil : $0 }
                return .moveIncident(
                    id: id, phase: form["phase"] ?? "", reason: reason, proposal: form["proposal"].flatMap { Int($0) })
            }
        }
        router.post("/ui/incidents/{id}/approve") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await act(request, context) { form in
                .approveProposal(id: id, proposal: form["proposal"].flatMap { Int($0) } ?? 0)
            }
        }
    }

    /// The viewer of a page: the web user the request proved and the token their forms carry.
    private func viewer(_ request: Request, _ context: VigilRequestContext) -> PageViewer {
        let done = request.uri.queryParameters.get("done").map { String($0.prefix(500)) }
        guard let user = context.webUser else { return PageViewer(done: done) }
        return PageViewer(user: user, csrf: csrf.token(user: user, now: clock.now().unixMilliseconds), done: done)
    }

    private func act(
        _ request: Request, _ context: VigilRequestContext, _ action: (FormParameters) -> PageAction
    ) async throws -> Response {
        // The security middleware let only a web user through; the token proves it is their form.
        guard let user = context.webUser else {
            throw APIError(.unauthorized, type: "unauthorized", "log in as a user of web.basic_auth_users")
        }
        let form = try await FormParameters.read(request, limit: 64 * 1024)
        guard csrf.verify(form["csrf"] ?? "", user: user, now: clock.now().unixMilliseconds) else {
            throw APIError(
                .forbidden, type: "forbidden",
                "the form's token is missing, stale or someone else's: reload the page and try again")
        }
        let result = await pages.perform(action(form), by: user)
        var target = result.redirect
        target += (target.contains("?") ? "&" : "?") + "done=" + Self.encoded(result.message)
        return Response(status: .seeOther, headers: [.location: target, .cacheControl: "no-store"])
    }

    static func query(_ request: Request) -> [(name: String, value: String)] {
        request.uri.queryParameters.map { (name: String($0.key), value: String($0.value)) }
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .init("Content-Security-Policy")!:
                    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
