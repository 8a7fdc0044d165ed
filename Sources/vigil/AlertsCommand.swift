import ArgumentParser
import Foundation

/// `vigil alerts [MATCHER...]`: the alerts a running daemon holds, as `amtool alert query` lists them.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "List the alerts of a running daemon (exit 0, 1 on error).",
        discussion: """
            Matchers filter as amtool's do: 'alertname="CriticalCoverageGap"', 'severity=~"crit.*"'. \
            Silenced and inhibited alerts are listed too, with their state.
            """
    )

    @Argument(help: "Matchers the alerts must satisfy.")
    var matchers: [String] = []

    @Option(name: .long, help: "The daemon's URL.")
    var server: String = "http://127.0.0.1:9095"

    @Flag(name: .long, help: "Print the API's JSON instead of a table.")
    var json = false

    func run() async throws {
        let client = AlertmanagerClient(server: server, command: "alerts")
        let query = matchers.map { "filter=" + URLQuery.encode([("", $0)]).dropFirst() }.joined(separator: "&")
        let body = await client.send("GET", "/api/v2/alerts" + (query.isEmpty ? "" : "?" + query))
        if json {
            print(String(decoding: body, as: UTF8.self))
            return
        }
        guard let alerts = try? JSONSerialization.jsonObject(with: Data(body)) as? [[String: Any]] else {
            client.fail("unexpected answer: \(String(decoding: body, as: UTF8.self))")
        }
        var rows = [["ALERTNAME", "STARTS AT", "SEVERITY", "STATE", "SUMMARY"]]
        for alert in alerts {
            let labels = alert["labels"] as? [String: String] ?? [:]
            let annotations = alert["annotations"] as? [String: String] ?? [:]
            let status = alert["status"] as? [String: Any] ?? [:]
            rows.append([
                labels["alertname"] ?? "", alert["startsAt"] as? String ?? "", labels["severity"] ?? "",
                status["state"] as? String ?? "", annotations["summary"] ?? "",
            ])
        }
        print(AlertmanagerClient.table(rows), terminator: "")
    }
}
