import Alerting
import Foundation
import PromQL
import Rules
import Server
import Testing
import TimeSeries
import Transport

/// `/api/v1/rules` and `/api/v1/alerts` over real HTTP, in Prometheus 2.42's shapes.
@Suite struct RulesRoutesTests {
    /// Two groups evaluated at t = 60 s over x{instance="a"} = 0.85: an alert firing (for 0s), an alert
    /// pending (for 5m), a recording rule; and a group whose rule fails.
    static func groups() throws -> [RuleGroup] {
        let file = try RuleFileParser.parse(
            """
            groups:
              - name: resilience
                interval: 30s
                rules:
                  - alert: HighUtilization
                    expr: x > 0.8
                    labels: {severity: warning}
                    annotations: {summary: high}
                  - alert: Slow
                    expr: x > 0.8
                    for: 5m
                    keep_firing_for: 1m
                  - record: job:x:max
                    expr: max(x)
                    labels: {team: ops}
              - name: broken
                rules:
                  - record: dup
                    expr: '{instance="a"}'
            """, file: "rules/a.yml")
        let store = SeriesStore()
        store.append(Labels(["__name__": "x", "instance": "a"]), Sample(timestamp: 60_000, value: 0.85))
        store.append(Labels(["__name__": "y", "instance": "a"]), Sample(timestamp: 60_000, value: 1))
        let context = RuleEvaluationContext(store: store)
        return file.groups.map { definition in
            var group = RuleGroup(definition, file: file.path, defaultInterval: 15_000)
            group.evaluate(at: 60_500, in: context)
            return group
        }
    }

    static func get(_ url: String) async throws -> (Int, [String: Any]) {
        let response = try await CurlTransport().perform(.init(url: url))
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
        return (Int(response.status), object)
    }

    @Test func rulesAreListedInPrometheusShape() async throws {
        let groups = try Self.groups()
        try await withServer(rules: RulesAPISettings { groups }) { base in
            let response = try await CurlTransport().perform(.init(url: base + "/api/v1/rules"))
            let text = response.bodyText
            #expect(response.status == 200)
            // Go struct order and Go's formatting: interval 30 (seconds), times RFC 3339, value %e.
            #expect(
                text.hasPrefix(
                    #"{"status":"success","data":{"groups":[{"name":"resilience","file":"rules/a.yml","rules":[{"state":"firing","name":"HighUtilization","query":"x > 0.8","duration":0,"keepFiringFor":0,"labels":{"severity":"warning"},"annotations":{"summary":"high"},"alerts":[{"labels":{"alertname":"HighUtilization","instance":"a","severity":"warning"},"annotations":{"summary":"high"},"state":"firing","activeAt":"1970-01-01T00:01:00.5Z","value":"8.5e-01"}],"health":"ok","evaluationTime":"#
                ))
            #expect(text.contains(#""lastEvaluation":"1970-01-01T00:01:00.5Z","type":"alerting"}"#))
            #expect(
                text.contains(
                    #"{"state":"pending","name":"Slow","query":"x > 0.8","duration":300,"keepFiringFor":60,"labels":{},"annotations":{},"alerts":[{"labels":{"alertname":"Slow","instance":"a"}"#
                ))
            #expect(text.contains(#"{"name":"job:x:max","query":"max(x)","labels":{"team":"ops"},"health":"ok","#))
            #expect(text.contains(#"],"interval":30,"limit":0,"evaluationTime":"#))
            #expect(
                text.contains(
                    #"{"name":"broken","file":"rules/a.yml","rules":[{"name":"dup","query":"{instance=\"a\"}","health":"err","lastError":"vector contains metrics with the same labelset after applying rule labels","#
                ))
            #expect(text.contains(#"],"interval":15,"#))
        }
    }

    @Test func filtersSelectRuleTypesNamesGroupsAndFiles() async throws {
        let groups = try Self.groups()
        try await withServer(rules: RulesAPISettings { groups }) { base in
            func names(_ query: String) async throws -> [[String]] {
                let (_, object) = try await Self.get(base + "/api/v1/rules?" + query)
                let data = object["data"] as? [String: Any]
                let groups = data?["groups"] as? [[String: Any]] ?? []
                return groups.map { ($0["rules"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
            }
            #expect(try await names("type=alert") == [["HighUtilization", "Slow"], []])
            #expect(try await names("type=RECORD") == [["job:x:max"], ["dup"]])
            #expect(try await names("rule_name[]=Slow&rule_name[]=dup") == [["Slow"], ["dup"]])
            #expect(try await names("rule_group[]=broken") == [["dup"]])
            #expect(try await names("file[]=other.yml") == [])
            let (status, object) = try await Self.get(base + "/api/v1/rules?type=alerts")
            #expect(status == 400)
            #expect(object["errorType"] as? String == "bad_data")
            #expect(object["error"] as? String == "invalid parameter \"type\": not supported value \"alerts\"")
        }
    }

    @Test func alertsListsActiveAlertsOfEveryRule() async throws {
        let groups = try Self.groups()
        try await withServer(rules: RulesAPISettings { groups }) { base in
            let response = try await CurlTransport().perform(.init(url: base + "/api/v1/alerts"))
            #expect(
                response.bodyText
                    == #"{"status":"success","data":{"alerts":[{"labels":{"alertname":"HighUtilization","instance":"a","severity":"warning"},"annotations":{"summary":"high"},"state":"firing","activeAt":"1970-01-01T00:01:00.5Z","value":"8.5e-01"},{"labels":{"alertname":"Slow","instance":"a"},"annotations":{},"state":"pending","activeAt":"1970-01-01T00:01:00.5Z","value":"8.5e-01"}]}}"#
            )
        }
        try await withServer(rules: RulesAPISettings { [] }) { base in
            let response = try await CurlTransport().perform(.init(url: base + "/api/v1/alerts"))
            #expect(response.bodyText == #"{"status":"success","data":{"alerts":[]}}"#)
        }
    }

    @Test func anAcknowledgedAlertSaysWhoAcknowledgedIt() async throws {
        let groups = try Self.groups()
        // The pipeline holds the rule's alert with the external label added.
        let held = Labels(["alertname": "HighUtilization", "instance": "a", "severity": "warning", "program": "im"])
        let settings = RulesAPISettings(
            groups: { groups },
            acknowledgements: {
                AlertAcknowledgements(
                    externalLabels: Labels(["program": "im"]),
                    byFingerprint: [
                        AlertFingerprint(held): Acknowledgement(by: "dr.adams", at: 120_000, via: "link")
                    ])
            })
        try await withServer(rules: settings) { base in
            let text = try await CurlTransport().perform(.init(url: base + "/api/v1/alerts")).bodyText
            #expect(
                text.contains(
                    #""value":"8.5e-01","acknowledged":{"by":"dr.adams","at":"1970-01-01T00:02:00Z","via":"link"}},{"labels":{"alertname":"Slow""#
                ), "\(text)")
            #expect(text.components(separatedBy: "acknowledged").count == 2, "only the acknowledged alert")
        }
    }
}
