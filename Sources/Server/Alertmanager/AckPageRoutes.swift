import Alerting
import Foundation
import Hummingbird
import NIOCore
import TimeSeries
import VigilCore

/// The signed link in every notification, for someone on a phone: `GET /ack/{token}` shows what will
/// be acknowledged and a button (no JavaScript), `POST /ack/{token}` does it and says so. A GET never
/// changes anything, so a mail scanner that follows the link acknowledges nothing. A tampered or
/// expired link is refused (401) with a page saying what to do instead.
struct AckPageRoutes {
    let settings: AlertmanagerAPISettings
    let clock: any VigilClock

    func register(on router: Router<VigilRequestContext>) {
        router.get("/ack/{token}") { _, context in
            try await show(token: context.parameters.get("token") ?? "", done: nil)
        }
        router.post("/ack/{token}") { request, context in
            try await acknowledge(request, context: context)
        }
        router.get("/static/ack.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: AckPage.stylesheet)))
        }
    }

    private func link(_ token: String) throws(AckLink.Refusal) -> AckLink {
        try AckLink.verify(token, secret: settings.webhookSecret, now: clock.now().unixMilliseconds)
    }

    private func show(token: String, done: String?) async throws -> Response {
        let link: AckLink
        do {
            link = try self.link(token)
        } catch {
            return AckPage.response(.unauthorized, AckPage.refusal(error))
        }
        let now = clock.now().unixMilliseconds
        let groups = await settings.pipeline.groupViews(now: now).filter { group in
            switch link.target {
            case .group(let key): group.groupKey == key
            case .alert(let fingerprint): group.alerts.contains { $0.alert.fingerprint == fingerprint }
            case .groupDigest(let digest): AckLink.digest(ofGroupKey: group.groupKey) == digest
            }
        }
        return AckPage.response(.ok, AckPage.group(groups, token: token, done: done, now: now))
    }

    private func acknowledge(_ request: Request, context: VigilRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let link: AckLink
        do {
            link = try self.link(token)
        } catch {
            return AckPage.response(.unauthorized, AckPage.refusal(error))
        }
        let form = try await FormParameters.read(request, limit: 16 * 1024)
        let name = (form["by"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let by = name.isEmpty ? "link" : String(name.prefix(200))
        let action: AckRecord.Action = form["action"] == "unack" ? .unack : .ack
        let records: [AckRecord]
        do {
            records = try await settings.pipeline.acknowledge(
                action, target: link.target, by: by, via: "link", source: context.remoteAddress?.ipAddress ?? "",
                now: clock.now().unixMilliseconds)
        } catch {
            switch error {
            case .notFound:
                return AckPage.response(.notFound, AckPage.nothingLeft)
            case .storage(let message):
                return AckPage.response(
                    .internalServerError,
                    AckPage.document(title: "Not saved", body: "<p>\(AckPage.escape(message))</p>"))
            }
        }
        let done: String
        switch action {
        case .ack:
            done =
                records.isEmpty ? "It was already acknowledged." : "Acknowledged by \(by). The escalation has stopped."
        case .unack:
            done = records.isEmpty ? "It was not acknowledged." : "Escalation resumed by \(by)."
        case .resolve:
            done = records.isEmpty ? "Nothing was firing." : "Resolved by \(by) until it fires again."
        }
        return try await show(token: token, done: done)
    }
}

/// The acknowledgement pages: small, phone-first, readable without styles or scripts.
enum AckPage {
    static func response(_ status: HTTPResponse.Status, _ html: String) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .init("Referrer-Policy")!: "no-referrer",
            ],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · Vigil</title>
        <link rel="stylesheet" href="/static/ack.css">
        </head><body><main>
        <h1>\(escape(title))</h1>
        \(body)
        </main></body></html>
        """
    }

    static let nothingLeft = document(
        title: "Nothing to acknowledge",
        body: "<p>These alerts have resolved or are no longer held: there is nothing left to acknowledge.</p>")

    static func refusal(_ refusal: AckLink.Refusal) -> String {
        document(title: "Link refused", body: "<p>\(escape(refusal.description))</p>")
    }

    static func group(_ groups: [GroupView], token: String, done: String?, now: Int64) -> String {
        guard let first = groups.first else { return nothingLeft }
        let alerts = groups.flatMap(\.alerts)
        let firing = alerts.filter { !$0.isResolved }
        let acknowledgement = alerts.compactMap { $0.escalation?.acknowledgement }.first
        let escalation = alerts.compactMap(\.escalation).first
        var body = ""
        if let done { body += "<p class=\"done\" role=\"status\">\(escape(done))</p>" }
        let labels = first.labels.pairs.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
        body += "<p>Group <code>\(escape(labels.isEmpty ? first.groupKey : labels))</code></p>"
        body += "<p>\(firing.count) firing, \(alerts.count - firing.count) resolved.</p><ul>"
        for view in alerts {
            let severity = view.alert.labels["severity"].map { " (\($0))" } ?? ""
            body += "<li><strong>\(escape(view.alert.name))</strong>\(escape(severity))"
            if view.isResolved { body += " <em>resolved</em>" }
            if let summary = view.alert.annotations["summary"] { body += "<br>\(escape(summary))" }
            body += "</li>"
        }
        body += "</ul>"
        if let escalation, let policy = escalation.policy {
            body += "<p>Escalation policy <strong>\(escape(policy))</strong>"
            if let step = escalation.step { body += ", step \(escape(step)) taken" }
            if let next = escalation.nextStepAt { body += "; next step at \(escape(GoTime.rfc3339(next)))" }
            body += ".</p>"
        }
        let action = "/ack/" + escape(token)
        if let acknowledgement {
            body +=
                "<p class=\"acked\">Acknowledged by <strong>\(escape(acknowledgement.by))</strong> at "
                + "\(escape(GoTime.rfc3339(acknowledgement.at))).</p>"
            body += """
                <form method="post" action="\(action)"><input type="hidden" name="action" value="unack">
                <input type="hidden" name="by" value="\(escape(acknowledgement.by))">
                <button type="submit" class="secondary">Resume the escalation</button></form>
                """
        } else {
            body += """
                <form method="post" action="\(action)">
                <label for="by">Your name</label>
                <input id="by" name="by" autocomplete="name" maxlength="200" required>
                <button type="submit" id="acknowledge">Acknowledge</button>
                </form>
                <p class="hint">Acknowledging stops the escalation; resolved notifications still go out.</p>
                """
        }
        return document(
            title: acknowledgement == nil
                ? "Acknowledge \(first.alerts.first?.alert.name ?? "alerts")" : "Acknowledged", body: body)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    static let stylesheet = """
        body{font-family:system-ui,sans-serif;margin:0;background:#f6f7f9;color:#111}
        main{max-width:32rem;margin:0 auto;padding:1rem}
        h1{font-size:1.4rem}
        ul{padding-left:1.2rem}
        li{margin:.4rem 0}
        code{word-break:break-all}
        label{display:block;margin:.8rem 0 .3rem;font-weight:600}
        input{width:100%;box-sizing:border-box;font-size:1.1rem;padding:.6rem}
        button{width:100%;font-size:1.2rem;padding:.9rem;margin-top:.8rem;border:0;border-radius:.4rem;background:#b00020;color:#fff}
        button.secondary{background:#444}
        .done,.acked{padding:.6rem;border-left:.4rem solid #2e7d32;background:#e8f5e9}
        .hint{color:#555;font-size:.9rem}
        """
}
