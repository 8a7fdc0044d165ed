import Foundation
import Transport

/// The client side of `vigil alerts` and `vigil silence`: requests to a running daemon's
/// Alertmanager API, the token from `VIGIL_API_TOKEN` (or `VIGIL_API_TOKEN_FILE`), errors as one
/// line on standard error and exit 1.
struct AlertmanagerClient {
    let base: String
    let command: String

    init(server: String, command: String) {
        base = server.hasSuffix("/") ? String(server.dropLast()) : server
        self.command = command
    }

    /// The API token from the environment, or nil.
    static var token: String? {
        let environment = ProcessInfo.processInfo.environment
        if let token = environment["VIGIL_API_TOKEN"], !token.isEmpty { return token }
        if let file = environment["VIGIL_API_TOKEN_FILE"],
            let text = try? String(contentsOfFile: file, encoding: .utf8)
        {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return nil
    }

    /// Sends a request; returns the body of a 2xx answer, else fails with the daemon's message.
    func send(_ method: String, _ path: String, body: [UInt8]? = nil, authorized: Bool = false) async -> [UInt8] {
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        if authorized {
            guard let token = Self.token else {
                fail("set VIGIL_API_TOKEN (or VIGIL_API_TOKEN_FILE) to the daemon's API token (var/secrets/api_token)")
            }
            headers.append(("Authorization", "Bearer \(token)"))
        }
        let response: HTTPResponse
        do {
            response = try await CurlTransport().perform(
                HTTPRequest(method: method, url: base + path, headers: headers, body: body))
        } catch {
            fail("cannot reach \(base): \(error)")
        }
        guard (200..<300).contains(response.status) else {
            var message = response.bodyText.trimmingCharacters(in: .whitespacesAndNewlines)
            if let decoded = try? JSONSerialization.jsonObject(with: Data(response.body), options: .fragmentsAllowed) {
                if let text = decoded as? String {
                    message = text
                } else if let object = decoded as? [String: Any] {
                    message = (object["error"] as? String) ?? (object["message"] as? String) ?? message
                }
            }
            fail("\(base) answered \(response.status): \(message)")
        }
        return response.body
    }

    func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("vigil \(command): \(message)\n".utf8))
        Foundation.exit(1)
    }

    /// Rows as aligned columns.
    static func table(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        let widths = (0..<first.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }
}
