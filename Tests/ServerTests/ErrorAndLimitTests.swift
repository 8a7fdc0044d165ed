import Foundation
import Server
import Testing
import Transport

@Suite("Unknown routes and oversized bodies")
struct ErrorAndLimitTests {
    @Test func unknownRouteAnswers404InTheAPIEnvelope() async throws {
        try await withServer { base in
            let response = try await send("GET", base + "/api/v1/nothing-here")
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "application/json")
            let envelope = try JSONDecoder().decode(ErrorEnvelope.self, from: Data(response.body))
            #expect(
                envelope
                    == ErrorEnvelope(
                        status: "error", errorType: "not_found", error: "no route for GET /api/v1/nothing-here"))
        }
    }

    @Test func bodiesOverOneMiBAreRefusedBeforeTheRouteRuns() async throws {
        let control = ScriptedControl()
        let token = String(repeating: "k", count: 43)
        try await withServer(token: token, control: control) { base in
            let auth = ("Authorization", "Bearer \(token)")
            let tooBig = [UInt8](repeating: 0x61, count: VigilRequestContext.maxBodyBytes + 1)
            let refused = try await send("POST", base + "/-/reload", headers: [auth], body: tooBig)
            #expect(refused.status == 413)
            #expect(try JSONDecoder().decode(ErrorEnvelope.self, from: Data(refused.body)).errorType == "bad_data")

            let chunked = try await send(
                "POST", base + "/-/reload", headers: [auth, ("Transfer-Encoding", "chunked")], body: tooBig)
            #expect(chunked.status == 413)
            #expect(await control.reloadActors.isEmpty)

            let exactlyTheLimit = [UInt8](repeating: 0x61, count: VigilRequestContext.maxBodyBytes)
            let accepted = try await send("POST", base + "/-/reload", headers: [auth], body: exactlyTheLimit)
            #expect(accepted.status == 200)
            #expect(await control.reloadActors == ["api"])
        }
    }
}
