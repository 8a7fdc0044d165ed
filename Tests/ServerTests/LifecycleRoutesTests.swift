import Foundation
import Server
import Testing
import Transport

@Suite("Health, readiness and reload routes")
struct LifecycleRoutesTests {
    @Test func healthyAnswersGetAndHead() async throws {
        try await withServer { base in
            let get = try await send("GET", base + "/-/healthy")
            #expect(get.status == 200)
            #expect(get.bodyText == "Vigil is Healthy.\n")
            let head = try await send("HEAD", base + "/-/healthy")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
        }
    }

    @Test func readyIs503UntilTheDaemonSaysItIsUp() async throws {
        let control = ScriptedControl()
        try await withServer(control: control) { base in
            #expect(try await send("GET", base + "/-/ready").status == 503)
            await control.set(ready: true)
            let ready = try await send("GET", base + "/-/ready")
            #expect(ready.status == 200)
            #expect(ready.bodyText == "Vigil is Ready.\n")
        }
    }

    @Test func reloadWithoutTheBearerTokenIsRefusedAndChangesNothing() async throws {
        let control = ScriptedControl()
        let token = String(repeating: "k", count: 43)
        try await withServer(token: token, control: control) { base in
            let missing = try await send("POST", base + "/-/reload")
            #expect(missing.status == 401)
            #expect(missing.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
            #expect(try JSONDecoder().decode(ErrorEnvelope.self, from: Data(missing.body)).errorType == "unauthorized")
            let wrong = try await send(
                "POST", base + "/-/reload", headers: [("Authorization", "Bearer " + String(repeating: "x", count: 43))])
            #expect(wrong.status == 401)
            let prefix = try await send(
                "POST", base + "/-/reload", headers: [("Authorization", "Bearer " + String(token.dropLast()))])
            #expect(prefix.status == 401)
            #expect(await control.reloadActors.isEmpty)
        }
    }

    @Test func reloadWithTheTokenAsksTheDaemonAndReportsSuccess() async throws {
        let control = ScriptedControl()
        let token = String(repeating: "k", count: 43)
        try await withServer(token: token, control: control) { base in
            let response = try await send("POST", base + "/-/reload", headers: [("Authorization", "Bearer \(token)")])
            #expect(response.status == 200)
            #expect(response.bodyText.contains(#""status":"success""#))
            #expect(await control.reloadActors == ["api"])
        }
    }

    @Test func reloadThatKeepsTheOldConfigAnswers500WithTheReason() async throws {
        let control = ScriptedControl()
        await control.set(outcome: .kept(reason: "etc/vigil.yml:3:5: global.evaluation_interval: bad"))
        let token = String(repeating: "k", count: 43)
        try await withServer(token: token, control: control) { base in
            let response = try await send("PUT", base + "/-/reload", headers: [("Authorization", "bearer \(token)")])
            #expect(response.status == 500)
            let envelope = try JSONDecoder().decode(ErrorEnvelope.self, from: Data(response.body))
            #expect(envelope.status == "error")
            #expect(envelope.errorType == "reload")
            #expect(envelope.error.contains("etc/vigil.yml:3:5"))
        }
    }
}
