import Hummingbird
import NIOCore

/// The pages a coordinator opens on a phone, server-rendered HTML (no JavaScript build step):
/// `/`, `/alerts`, `/incidents`, `/incidents/{id}`, `/oncall`, `/rules`, and their stylesheet. Reads, so behind basic auth when users are configured
/// (``AccessPolicy``); the stylesheet is open, as the acknowledgement page's is.
struct PageRoutes {
    let pages: any WebPages

    func register(on router: Router<VigilRequestContext>) {
        let pages = self.pages
        router.get("/") { _, _ in Self.html(await pages.statusBoard()) }
        router.get("/alerts") { request, _ in
            let query = request.uri.queryParameters.map { (name: String($0.key), value: String($0.value)) }
            return Self.html(await pages.alerts(query: query))
        }
        router.get("/incidents") { _, _ in Self.html(await pages.incidents()) }
        router.get("/incidents/{id}") { _, context in
            guard let html = await pages.incident(id: context.parameters.get("id") ?? "") else {
                return Self.html(await pages.incidents(), status: .notFound)
            }
            return Self.html(html)
        }
        router.get("/oncall") { _, _ in Self.html(await pages.onCall()) }
        router.get("/rules") { _, _ in Self.html(await pages.rules()) }
        router.get("/static/vigil.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: pages.stylesheet)))
        }
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .init("Content-Security-Policy")!:
                    "default-src 'self'; script-src 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
