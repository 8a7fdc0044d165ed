import Alerting
import Foundation
import Testing
import TimeSeries

/// `incident_policies` in an escalation file: which alerts open incidents, at which severity and
/// under which key; the default when the key is absent; each mistake at its line and column.
@Suite struct IncidentPolicyFileTests {
    static func parse(_ yaml: String) throws(EscalationFileError) -> EscalationConfig {
        try EscalationFileParser.parse(
            [(path: "esc.yml", text: "route:\n  receiver: a\n" + yaml)], receivers: ["a"], fallbackReceiver: "a")
    }

    @Test func policiesAreReadInOrderWithTheirKeys() throws {
        let config = try Self.parse(
            """
            incident_policies:
              - matchers: ['severity="critical"']
                severity: P1
              - matchers: ['severity="high"', 'team=~"coord.*"']
                severity: p2
                key: rotation

            """)
        #expect(config.incidentPolicies.map(\.severity) == [.p1, .p2])
        #expect(config.incidentPolicies.map(\.key) == ["component", "rotation"])
        let high = Labels(["severity": "high", "team": "coordinators", "rotation": "clinic", "alertname": "X"])
        #expect(config.incidentPolicy(for: high)?.severity == .p2)
        #expect(config.incidentPolicy(for: high)?.incidentKey(high) == "rotation=clinic")
        #expect(config.incidentPolicy(for: Labels(["severity": "high", "team": "ops"])) == nil)
        #expect(try Self.parse("incident_policies: []\n").incidentPolicies.isEmpty, "an empty list opens none")
    }

    @Test func withoutTheKeyCriticalAlertsOpenP1s() throws {
        let config = try Self.parse("")
        let critical = Labels(["severity": "critical", "alertname": "CoverageGap"])
        #expect(config.incidentPolicy(for: critical)?.severity == .p1)
        #expect(config.incidentPolicy(for: critical)?.incidentKey(critical) == "alertname=CoverageGap")
        #expect(config.incidentPolicy(for: Labels(["severity": "warning"])) == nil)
        #expect(config.incidentVerificationHold == 15 * 60_000, "recovery holds 15 minutes unless told")
        #expect(try Self.parse("incident_verification_hold: 5m\n").incidentVerificationHold == 5 * 60_000)
    }

    @Test func eachMistakeIsReportedWhereItIsWritten() {
        func problem(_ yaml: String) -> String {
            do {
                _ = try Self.parse(yaml)
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(
            problem("incident_policies:\n  - matchers: ['severity=\"critical\"']\n    severity: P5\n")
                .contains("esc.yml:5:15: incident_policies[0].severity: unknown severity \"P5\": one of P1, P2, P3, P4")
        )
        #expect(problem("incident_policies:\n  - severity: P1\n").contains("esc.yml:4:5"))
        #expect(problem("incident_policies:\n  - severity: P1\n").contains("matchers"))
        #expect(
            problem("incident_policies:\n  - matchers: []\n").contains("an incident policy needs at least one matcher"))
        #expect(
            problem("incident_policies:\n  - matchers: ['a=\"b\"']\n    key: 1bad\n")
                .contains("invalid label name \"1bad\""))
        #expect(
            problem("incident_policies:\n  - matchers: ['a=\"b\"']\n    sevrity: P1\n").contains(
                "unknown key \"sevrity\""))
    }
}
