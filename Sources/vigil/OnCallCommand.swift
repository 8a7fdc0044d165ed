import ArgumentParser
import Foundation

/// `vigil oncall [--at TIME]`: who is on call now (or at TIME) and next in every rotation of a running
/// daemon, and until when.
struct OnCallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oncall", abstract: "Show who is on call now and next in every rotation.")

    @Option(name: .long, help: "A time instead of now: RFC 3339 (2026-11-01T12:00:00Z) or Unix seconds.")
    var at: String?

    @Option(name: .long, help: "The daemon's URL.")
    var server: String = "http://127.0.0.1:9095"

    func run() async throws {
        let client = AlertmanagerClient(server: server, command: "oncall")
        var path = "/api/v1/oncall"
        if let at {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~:")
            path += "?at=" + (at.addingPercentEncoding(withAllowedCharacters: allowed) ?? at)
        }
        let body = await client.send("GET", path)
        let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        let rotations = object?["data"] as? [[String: Any]] ?? []
        if rotations.isEmpty {
            print("no on-call rotations (define them under oncall: in the escalation file)")
            return
        }
        var rows = [["ROTATION", "NOW", "UNTIL", "NEXT", "UNTIL"]]
        for rotation in rotations {
            let now = rotation["now"] as? [String: Any]
            let next = rotation["next"] as? [String: Any]
            func member(_ shift: [String: Any]?) -> String {
                guard let shift, let name = shift["member"] as? String else { return "-" }
                if shift["override"] as? Bool == true, let replacing = shift["replacing"] as? String {
                    return "\(name) (for \(replacing))"
                }
                return name
            }
            rows.append([
                rotation["rotation"] as? String ?? "", member(now), now?["end"] as? String ?? "-", member(next),
                next?["end"] as? String ?? "-",
            ])
        }
        print(AlertmanagerClient.table(rows), terminator: "")
    }
}
