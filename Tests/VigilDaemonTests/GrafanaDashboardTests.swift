import Foundation
import TestSupport
import Testing
import Transport

@testable import VigilDaemon

/// The Grafana files shipped in `etc/grafana/`: every dashboard is a dashboard Grafana provisions
/// (unique uid, the `datasource` variable, panels with their place), and every panel's query
/// returns data from Vigil running the demo program with the shipped rules and escalation, asked
/// through `/api/v1/query` as Grafana asks.
@Suite("the shipped Grafana dashboards", .serialized)
struct GrafanaDashboardTests {
    static var repository: URL { ShippedMatrixDaemonTests.repository }

    struct Panel {
        var dashboard: String
        var title: String
        var expressions: [String]
    }

    static func dashboards() throws -> [(file: String, json: [String: Any])] {
        let folder = repository.appendingPathComponent("etc/grafana/dashboards")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
            .sorted()
        return try files.map { file in
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            return (file, try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(file)"))
        }
    }

    static func panels() throws -> [Panel] {
        try dashboards().flatMap { file, json in
            (json["panels"] as? [[String: Any]] ?? []).map { panel in
                Panel(
                    dashboard: file, title: panel["title"] as? String ?? "",
                    expressions: (panel["targets"] as? [[String: Any]] ?? []).compactMap { $0["expr"] as? String })
            }
        }
    }

    @Test func theDashboardsAreWellFormed() throws {
        let dashboards = try Self.dashboards()
        #expect(dashboards.map(\.file) == ["alerting.json", "resilience.json", "vigil.json"])
        let uids = dashboards.compactMap { $0.json["uid"] as? String }
        #expect(Set(uids).count == dashboards.count, "unique uids: \(uids)")
        for (file, json) in dashboards {
            let variables = (json["templating"] as? [String: Any])?["list"] as? [[String: Any]] ?? []
            #expect(
                variables.contains { $0["name"] as? String == "datasource" && $0["query"] as? String == "prometheus" })
            let panels = json["panels"] as? [[String: Any]] ?? []
            #expect(!panels.isEmpty, "\(file)")
            let ids = panels.compactMap { $0["id"] as? Int }
            #expect(Set(ids).count == panels.count, "\(file): unique panel ids")
            for panel in panels {
                let title = panel["title"] as? String ?? ""
                #expect(panel["gridPos"] is [String: Any], "\(file) \(title)")
                #expect(
                    (panel["datasource"] as? [String: Any])?["uid"] as? String == "${datasource}", "\(file) \(title)")
                #expect((panel["targets"] as? [[String: Any]])?.isEmpty == false, "\(file) \(title)")
            }
        }
        let provisioning = try String(
            contentsOf: Self.repository.appendingPathComponent("etc/grafana/provisioning/datasources/vigil.yml"),
            encoding: .utf8)
        #expect(provisioning.contains("type: prometheus") && provisioning.contains("uid: vigil"))
    }

    @Test func everyPanelsQueryReturnsDataFromTheDemo() async throws {
        // Twenty minutes of the demo: its alerts fire and are notified, rates have samples.
        let daemon = try await ShippedDemo.start(ticks: 80)
        var empty: [String] = []
        var failed: [String] = []
        let panels = try Self.panels()
        for panel in panels {
            for expression in panel.expressions {
                let encoded = expression.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? expression
                let response = try await daemon.get("/api/v1/query?query=\(encoded)")
                guard response.status == 200 else {
                    failed.append("\(panel.dashboard) «\(panel.title)» \(expression): \(response.bodyText)")
                    continue
                }
                let result = (try JSONBody.data(response)["result"] as? [Any]) ?? []
                if result.isEmpty { empty.append("\(panel.dashboard) «\(panel.title)» \(expression)") }
            }
        }
        #expect(panels.flatMap(\.expressions).count >= 50)
        #expect(failed.isEmpty, "queries Vigil refused:\n\(failed.joined(separator: "\n"))")
        #expect(empty.isEmpty, "panels without data on the demo:\n\(empty.joined(separator: "\n"))")
        try await daemon.stop()
    }
}
