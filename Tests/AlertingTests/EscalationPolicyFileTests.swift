import Alerting
import Foundation
import TestSupport
import Testing
import TimeSeries
import VigilCore

private let receivers: Set<String> = ["a", "b", "c"]

private func parse(_ yaml: String) throws(EscalationFileError) -> EscalationConfig {
    try EscalationFileParser.parse(
        [(path: "esc.yml", text: "route:\n  receiver: a\n" + yaml)], receivers: receivers, fallbackReceiver: "a")
}

/// The error `yaml` makes, as the user reads it.
private func problem(_ yaml: String) -> String {
    do {
        _ = try parse(yaml)
        return "no error"
    } catch {
        return error.description
    }
}

/// `escalation_policies` as an ops team writes them: the shipped matrix, and each mistake reported
/// at its file, line and column.
@Suite struct EscalationPolicyFileTests {
    /// `rules/escalation.yml`, as shipped.
    private static var shippedFile: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules/escalation.yml").path
    }

    @Test func theShippedFileHoldsTheProgramsMatrix() throws {
        let config = try EscalationFileParser.load(
            paths: [Self.shippedFile],
            receivers: [
                "on_call_admin", "admin_team", "admin_email", "program_director", "hospital_admin", "acgme_contact",
            ],
            fallbackReceiver: "admin_team")
        #expect(config.policies.map(\.name) == ["pager", "critical", "high", "medium"])
        let critical = try #require(config.policy(for: Labels(["severity": "critical", "alertname": "X"])))
        #expect(critical.plan.steps.map(\.after) == [0, 15 * 60_000, 3_600_000])
        #expect(
            critical.plan.steps.map { $0.notify.map(\.description) } == [
                ["on_call_admin", "program_director"], ["hospital_admin"], ["acgme_contact"],
            ])
        #expect(config.policy(for: Labels(["severity": "high"]))?.name == "high")
        #expect(config.policy(for: Labels(["severity": "warning"]))?.name == "medium")
        let medium = try #require(config.policy(for: Labels(["severity": "warning"])))
        #expect(medium.plan.steps.map(\.after) == [0, 14_400_000])
        #expect(config.policy(for: Labels(["severity": "info"])) == nil)
        // Incidents: ACGME violations share one compliance incident; other criticals key by component.
        let acgme = Labels(["severity": "critical", "compliance": "acgme", "alertname": "DutyHours80"])
        #expect(config.incidentPolicy(for: acgme)?.incidentKey(acgme) == "compliance=acgme")
        #expect(config.incidentPolicy(for: Labels(["severity": "critical"]))?.severity == .p1)
        #expect(config.incidentPolicy(for: Labels(["severity": "high"]))?.severity == .p2)
        #expect(config.incidentPolicy(for: Labels(["severity": "warning"])) == nil)
    }

    @Test func stepsRepeatAndTargetsAreRead() throws {
        let config = try parse(
            """
            escalation_policies:
              - name: p
                matchers: ['team="x"', 'severity=~"critical|high"']
                steps:
                  - notify: [a]
                  - after: 10m
                    notify: [b, c]
                repeat: {every: 30m, times: 2}
            """)
        let policy = try #require(config.policies.first)
        #expect(policy.plan.reopenOnNewAlerts, "reopen_on_new_alerts defaults to true")
        #expect(policy.matchers.map(\.description) == [#"team="x""#, #"severity=~"critical|high""#])
        #expect(
            policy.plan.steps == [
                EscalationStep(after: 0, notify: [.receiver("a")]),
                EscalationStep(after: 600_000, notify: [.receiver("b"), .receiver("c")]),
            ])
        #expect(policy.plan.repeat == EscalationRepeat(every: 1_800_000, times: 2))
        #expect(policy.plan.stepCount == 4)
        #expect((0..<4).map { policy.plan.offset(ofStep: $0) } == [0, 600_000, 2_400_000, 4_200_000])
        #expect((0..<4).map { policy.plan.label(ofStep: $0) } == ["1", "2", "2r1", "2r2"])
        #expect(policy.plan.targets(ofStep: 3) == [.receiver("b"), .receiver("c")])
    }

    @Test func anUndefinedReceiverIsReportedWhereItIsWritten() {
        #expect(
            problem("escalation_policies:\n  - name: p\n    steps:\n      - notify: [a, zed]\n")
                == #"esc.yml:6:21: escalation_policies[0].steps[0].notify[1]: undefined receiver "zed" in escalation policy "p"; define it under receivers: in the configuration file (defined: a, b, c)"#
        )
    }

    @Test func stepsOutOfOrderAreRefused() {
        let text = problem(
            "escalation_policies:\n  - name: p\n    steps:\n      - {after: 1h, notify: [a]}\n      - {after: 15m, notify: [b]}\n"
        )
        #expect(
            text.hasPrefix(
                "esc.yml:7:9: escalation_policies[0].steps[1]: step 2 comes after 15m, earlier than step 1 (1h)"))
    }

    @Test func eachMistakeIsReported() {
        #expect(problem("escalation_policies:\n  - steps:\n      - notify: [a]\n").contains("name"))
        #expect(
            problem("escalation_policies:\n  - name: p\n    steps: []\n").hasSuffix(
                "escalation_policies[0].steps: a policy needs at least one step"))
        #expect(
            problem("escalation_policies:\n  - name: p\n    steps:\n      - notify: []\n").hasSuffix(
                "a step must notify at least one receiver or rotation"))
        #expect(
            problem("escalation_policies:\n  - name: p\n    steps:\n      - notify: ['oncall:nights']\n").hasSuffix(
                #"undefined on-call rotation "nights" in escalation policy "p"; define it under oncall:"#))
        #expect(
            problem(
                "escalation_policies:\n  - name: p\n    steps:\n      - notify: [a]\n    repeat: {every: 0s, times: 1}\n"
            ).hasSuffix("repeat every must be greater than zero"))
        #expect(
            problem(
                "escalation_policies:\n  - name: p\n    steps:\n      - notify: [a]\n    repeat: {every: 5m, times: 0}\n"
            ).hasSuffix("repeat times must be at least 1"))
        #expect(
            problem(
                "escalation_policies:\n  - name: p\n    matchers: ['severity=~\"(\"']\n    steps:\n      - notify: [a]\n"
            )
            .contains("escalation_policies[0].matchers[0]"))
        let twice = problem(
            "escalation_policies:\n  - name: p\n    steps: [{notify: [a]}]\n  - name: p\n    steps: [{notify: [b]}]\n")
        #expect(twice.contains("esc.yml:6:11"), "\(twice)")
        #expect(
            problem("escalation_policies:\n  - name: p\n    stepz: []\n    steps: [{notify: [a]}]\n").contains("stepz"))
        let notBoolean = problem(
            "escalation_policies:\n  - name: p\n    reopen_on_new_alerts: sometimes\n    steps: [{notify: [a]}]\n")
        #expect(notBoolean.hasPrefix("esc.yml:5:27: escalation_policies[0].reopen_on_new_alerts:"), "\(notBoolean)")
    }

    @Test func aPolicyCanKeepItsAcknowledgementWhenNewAlertsJoin() throws {
        let config = try parse(
            "escalation_policies:\n  - name: p\n    reopen_on_new_alerts: false\n    steps: [{notify: [a]}]\n")
        #expect(config.policies.first?.plan.reopenOnNewAlerts == false)
        // Frozen plans saved before the key existed read back as reopening.
        let old = #"{"policy":"p","steps":[{"after":0,"notify":["a"]}]}"#
        #expect(try JSONDecoder().decode(EscalationPlan.self, from: Data(old.utf8)).reopenOnNewAlerts)
    }
}
