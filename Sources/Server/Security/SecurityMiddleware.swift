import HTTPTypes
import Hummingbird

/// Enforces ``AccessPolicy`` on every request and adds the configured response headers: the one
/// place where the server decides who may do what. It sits outside the error envelope, so every
/// answer, a refusal or a route's error included, carries the headers.
struct SecurityMiddleware: RouterMiddleware {
    typealias Context = VigilRequestContext

    let security: WebSecurityState
    let token: BearerToken

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            var context = context
            context.webUser = try authorize(request)
            response = try await next(request, context)
        } catch let error as APIError {
            response = try error.response(from: request, context: context)
        }
        for (name, value) in security.current.headers {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        return response
    }

    /// Refuses what the policy does not allow; returns the web user the request proved, if any.
    private func authorize(_ request: Request) throws(APIError) -> String? {
        switch AccessPolicy.requirement(method: request.method, path: request.uri.path) {
        case .open, .signed:
            return nil
        case .read:
            guard !security.current.basicAuthUsers.isEmpty else { return nil }
            let authorization = request.headers[.authorization]
            if let user = security.basicUser(authorization) { return user }
            if token.authorizes(authorization) { return nil }
            throw APIError(
                .unauthorized, type: "unauthorized",
                "missing or wrong credentials (send HTTP basic auth as a user of web.basic_auth_users, or the API token as Authorization: Bearer <token>)",
                headers: [.wwwAuthenticate: "Basic realm=\"vigil\""])
        case .page:
            guard !security.current.basicAuthUsers.isEmpty else {
                throw APIError(
                    .forbidden, type: "forbidden",
                    "the pages are read-only: acting from them needs web.basic_auth_users (the user is the actor on the record)"
                )
            }
            if let user = security.basicUser(request.headers[.authorization]) { return user }
            throw APIError(
                .unauthorized, type: "unauthorized", "log in as a user of web.basic_auth_users to act from the pages",
                headers: [.wwwAuthenticate: "Basic realm=\"vigil\""])
        case .write:
            try token.require(request)
            return nil
        }
    }
}
