import ArgumentParser
import Foundation

/// `vigil ack FINGERPRINT | --group KEY --by NAME [--unack | --resolve]`: acknowledges an alert's
/// groups (or one group) on a running daemon, which stops their escalation; `--unack` resumes it;
/// `--resolve` ends their alerts by hand until they fire again.
struct AckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Acknowledge an alert (its groups) or a group: its escalation stops until --unack.")

    @Argument(help: "The alert's fingerprint (16 hexadecimal digits, as `vigil alerts` shows it).")
    var fingerprint: String?

    @Option(name: .long, help: "A group key instead of an alert, e.g. '{}/{severity=\"critical\"}:{alertname=\"X\"}'.")
    var group: String?

    @Option(name: .long, help: "Who acknowledges (recorded in the audit log).")
    var by: String

    @Flag(name: .long, help: "Resume the escalation instead.")
    var unack = false

    @Flag(name: .long, help: "Resolve the alerts by hand instead, until they fire again.")
    var resolve = false

    @Option(name: .long, help: "The daemon's URL.")
    var server: String = "http://127.0.0.1:9095"

    func validate() throws {
        switch (fingerprint, group) {
        case (nil, nil): throw ValidationError("give an alert fingerprint or --group KEY")
        case (.some, .some): throw ValidationError("give an alert fingerprint or --group KEY, not both")
        case (let text?, nil) where text.count != 16 || UInt64(text, radix: 16) == nil:
            throw ValidationError("invalid fingerprint \"\(text)\": 16 hexadecimal digits")
        default: break
        }
        if by.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--by must name someone") }
        if unack && resolve { throw ValidationError("--unack and --resolve do different things: give one") }
    }

    func run() async throws {
        let action = resolve ? "resolve" : unack ? "unack" : "ack"
        let path: String
        if let group {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            path = "/api/v1/groups/\(group.addingPercentEncoding(withAllowedCharacters: allowed) ?? group)/\(action)"
        } else {
            path = "/api/v1/alerts/\(fingerprint ?? "")/\(action)"
        }
        let body = try JSONSerialization.data(withJSONObject: ["by": by])
        let client = AlertmanagerClient(server: server, command: "ack")
        let answer = await client.send("POST", path, body: Array(body), authorized: true)
        let object = try? JSONSerialization.jsonObject(with: Data(answer)) as? [String: Any]
        let changed = ((object?["data"] as? [String: Any])?["changed"] as? [[String: Any]]) ?? []
        if changed.isEmpty {
            print(
                resolve
                    ? "nothing firing to resolve"
                    : unack ? "nothing to resume: not acknowledged" : "already acknowledged")
        }
        for item in changed {
            print("\(resolve ? "resolved" : unack ? "resumed" : "acknowledged") \(item["groupKey"] as? String ?? "")")
        }
    }
}
