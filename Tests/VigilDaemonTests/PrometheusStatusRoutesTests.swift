import Foundation
import TestSupport
import Testing
import Transport

@testable import VigilDaemon

/// The rest of Prometheus' API that Grafana's Prometheus data source and Prometheus' UI call, on
/// the assembled daemon: metric metadata from the registry, no exemplars, the scrape targets with
/// their real health, the configuration in force with its secrets redacted, the flags, and
/// `format_query`.
@Suite("Prometheus status routes, in the daemon", .serialized)
struct PrometheusStatusRoutesTests {
    static func config(target: String, closed: Int) -> String {
        ScheduleTestDaemon.config(
            extra: """
                scrape_configs:
                  - job_name: clinic
                    static_configs: [{targets: ["\(target)"], labels: {site: north}}]
                  - job_name: gone
                    static_configs: [{targets: ["127.0.0.1:\(closed)"]}]
                """
        ).replacingOccurrences(
            of: "  - name: on_call_admin\n",
            with:
                "  - name: on_call_admin\n    webhook_configs: [{url: \"http://127.0.0.1:9/hook/s3cr3t-path-token\"}]\n"
        )
    }

    @Test func grafanasCallsAnswerInPrometheusShapes() async throws {
        let server = ScrapeTargetServer()
        server.serve("# HELP clinic_open Whether the clinic is open.\n# TYPE clinic_open gauge\nclinic_open 1\n")
        let closed = try ClosedPort()
        try await server.run { address in
            let directory = TestDirectory()
            let daemon = try await ScheduleTestDaemon.start(
                directory: directory, schedule: TestPrograms.base,
                config: Self.config(target: address, closed: closed.port))

            // Metadata: every family on /metrics with its type and help.
            let metadata = try JSONBody.data(try await daemon.get("/api/v1/metadata"))
            let defense = try #require((metadata["resilience_defense_level"] as? [[String: Any]])?.first)
            #expect(defense["type"] as? String == "gauge")
            #expect((defense["help"] as? String)?.isEmpty == false)
            #expect(defense["unit"] as? String == "")
            #expect((metadata["vigil_incidents"] as? [[String: Any]])?.first?["type"] as? String == "gauge")
            let histogram = metadata["resilience_health_check_duration_seconds"] as? [[String: Any]]
            #expect(histogram?.first?["type"] as? String == "histogram")
            let one = try JSONBody.data(try await daemon.get("/api/v1/metadata?metric=resilience_defense_level"))
            #expect(Array(one.keys) == ["resilience_defense_level"])
            #expect(try JSONBody.data(try await daemon.get("/api/v1/metadata?limit=2")).count == 2)
            #expect(try await daemon.get("/api/v1/metadata?limit=x").status == 400)

            // Exemplars: none, but the query is still checked.
            let exemplars = try JSONBody.object(try await daemon.get("/api/v1/query_exemplars?query=up"))
            #expect(exemplars["status"] as? String == "success")
            #expect((exemplars["data"] as? [Any])?.isEmpty == true)
            let bad = try await daemon.get("/api/v1/query_exemplars?query=sum(")
            #expect(bad.status == 400)
            #expect(try JSONBody.object(bad)["errorType"] as? String == "bad_data")

            // format_query: the canonical text of the expression.
            let query = "sum(rate(x%5B5m%5D))by(job)"
            let formatted = try JSONBody.object(try await daemon.get("/api/v1/format_query?query=\(query)"))
            #expect(formatted["data"] as? String == "sum by (job) (rate(x[5m]))")

            // Targets: both jobs, with what their last scrape saw.
            @Sendable func active() async throws -> [[String: Any]] {
                try JSONBody.data(try await daemon.get("/api/v1/targets"))["activeTargets"] as? [[String: Any]] ?? []
            }
            _ = try await waitUntil("both targets scraped") { () async throws -> Bool? in
                let targets = try await active()
                return targets.count == 2 && targets.allSatisfy({ $0["health"] as? String != "unknown" }) ? true : nil
            }
            let targets = try await active()
            let clinic = try #require(targets.first { $0["scrapePool"] as? String == "clinic" })
            #expect(clinic["health"] as? String == "up")
            #expect(clinic["lastError"] as? String == "")
            #expect(clinic["scrapeUrl"] as? String == "http://\(address)/metrics")
            #expect(clinic["labels"] as? [String: String] == ["instance": address, "job": "clinic", "site": "north"])
            #expect((clinic["discoveredLabels"] as? [String: String])?["__metrics_path__"] == "/metrics")
            #expect(clinic["scrapeInterval"] as? String == "15s")
            #expect((clinic["lastScrape"] as? String)?.hasPrefix("20") == true)
            let gone = try #require(targets.first { $0["scrapePool"] as? String == "gone" })
            #expect(gone["health"] as? String == "down")
            #expect((gone["lastError"] as? String)?.isEmpty == false)
            let dropped = try JSONBody.data(try await daemon.get("/api/v1/targets?state=dropped"))
            #expect((dropped["activeTargets"] as? [Any])?.isEmpty == true)
            #expect((dropped["droppedTargets"] as? [Any])?.isEmpty == true)
            let pool = try JSONBody.data(try await daemon.get("/api/v1/targets?scrapePool=gone"))
            #expect((pool["activeTargets"] as? [Any])?.count == 1)

            // The configuration in force, secrets redacted.
            let config = try JSONBody.data(try await daemon.get("/api/v1/status/config"))
            let yaml = try #require(config["yaml"] as? String)
            #expect(yaml.contains("job_name: clinic"), "\(yaml)")
            #expect(yaml.contains("<secret>"), "\(yaml)")
            #expect(!yaml.contains("s3cr3t-path-token"), "\(yaml)")

            // Flags.
            let flags = try #require(
                try JSONBody.object(try await daemon.get("/api/v1/status/flags"))["data"] as? [String: String])
            #expect(flags["config.file"] == daemon.configPath)
            #expect(flags["web.listen-address"] == "127.0.0.1:0")
            #expect(flags["storage.path"]?.hasSuffix("vigil.db") == true)
            try await daemon.stop()
        }
    }

    @Test func secretsAreRedactedWhereverTheyAre() {
        let text = """
            global: {smtp_auth_password: hunter2, slack_api_url: "https://hooks.slack.com/services/T/B/X"}
            receivers:
              - name: pager
                pagerduty_configs: [{routing_key: abc123, url: "https://events.pagerduty.com/v2/enqueue"}]
                webhook_configs:
                  - url: "http://gw/hook/token"
                    http_config: {authorization: {credentials: s3cr3t}, basic_auth: {username: u, password: p4ss}}
            incident_key_label: keep_me
            web:
              tls_server_config: {cert: "-----BEGIN CERTIFICATE-----", key: "-----BEGIN PRIVATE KEY----- x"}
              basic_auth_users: {coordinator: "$2y$10$hashhashhash"}
            sms: [{headers: {Authorization: "Bearer tok-123"}, proxy_url: "http://me:pw@proxy:3128"}]
            """
        let redacted = ConfigRedaction.redacted(text)
        for secret in [
            "hunter2", "hooks.slack.com", "abc123", "events.pagerduty", "gw/hook/token", "s3cr3t", "p4ss",
            "PRIVATE KEY", "$2y$10$hash", "tok-123", "me:pw",
        ] {
            #expect(!redacted.contains(secret), "\(secret) shown:\n\(redacted)")
        }
        #expect(redacted.contains("username: u"))
        #expect(redacted.contains("name: pager"))
        #expect(redacted.contains("keep_me"))
        #expect(redacted.contains("coordinator: <secret>"), "the user names stay, their hashes do not")
        #expect(redacted.contains("http://<secret>@proxy:3128"))
    }
}
