import Alerting
import Rules
import Testing
import TimeSeries

private let minute: Int64 = 60_000
private let hour: Int64 = 3_600_000
private let now: Int64 = 1_700_000_000_000

private func firing(_ labels: [String: String]) -> PipelineAlert {
    PipelineAlert(labels: Labels(labels), startsAt: now - minute, endsAt: now + hour, updatedAt: now - minute)
}

private func resolved(_ labels: [String: String]) -> PipelineAlert {
    PipelineAlert(labels: Labels(labels), startsAt: now - minute, endsAt: now - 1_000, updatedAt: now - 1_000)
}

/// One target and whether it is muted.
private struct MuteCase: Sendable, CustomTestStringConvertible {
    var target: [String: String]
    var muted: Bool
    var why: String

    init(_ target: [String: String], _ muted: Bool, _ why: String) {
        self.target = target
        self.muted = muted
        self.why = why
    }

    var testDescription: String { "\(Labels(target)): \(why)" }
}

/// One case of TestInhibitRuleHasEqual: the source alerts known, the equal labels, the target.
private struct EqualCase: Sendable, CustomTestStringConvertible {
    var why: String
    var sources: [PipelineAlert]
    var equal: [String]
    var target: [String: String]
    var muted: Bool

    var testDescription: String { why }
}

/// Alertmanager's inhibition (inhibit/inhibit_test.go).
@Suite struct InhibitorTests {
    /// TestInhibitRuleMatches: rule1 `s1=1` → `t1=1`, rule2 `s2=1` → `t2=1`, both equal on `e`.
    private static let matchCases: [MuteCase] = [
        MuteCase(["t1": "1", "e": "1"], true, "matches the target of rule1"),
        MuteCase(["t2": "1", "e": "1"], true, "matches the target of rule2"),
        MuteCase(["t1": "1", "t3": "1", "e": "1"], true, "matches the target of rule1, plus noise"),
        MuteCase(["t1": "1", "t2": "1", "e": "1"], true, "matches the targets of both rules"),
        MuteCase(["t1": "0", "e": "1"], false, "matches no target"),
        MuteCase(
            ["s1": "1", "t1": "1", "e": "1"], true, "both sides of rule1; its source matches only the source side"),
        MuteCase(["s2": "1", "t2": "1", "e": "1"], false, "both sides of rule2, as does its only source"),
        MuteCase(["t1": "1", "e": "0"], false, "the equal label differs"),
    ]

    /// TestInhibitRuleMatchers: the same with rule1's target `t1!=1`.
    private static let matcherCases: [MuteCase] = [
        MuteCase(["t1": "1", "e": "1"], false, "does not match rule1's negative target"),
        MuteCase(["t2": "1", "e": "1"], true, "matches the target of rule2"),
        MuteCase(["t1": "1", "t3": "1", "e": "1"], false, "does not match rule1's negative target, plus noise"),
        MuteCase(["t1": "1", "t2": "1", "e": "1"], true, "matches rule2's target"),
        MuteCase(["t1": "0", "e": "1"], true, "matches rule1's negative target"),
        MuteCase(["s1": "1", "t1": "1", "e": "1"], false, "does not match rule1's negative target"),
        MuteCase(["s2": "1", "t2": "1", "e": "1"], true, "both sides of rule2, but rule1 (t1!=1) mutes it"),
        MuteCase(["t1": "1", "e": "0"], false, "matches no target"),
    ]

    private static let sourceAlerts = [
        firing(["s1": "1", "t1": "2", "e": "1"]),
        firing(["s2": "1", "t2": "1", "e": "1"]),
    ]

    @Test(arguments: matchCases)
    fileprivate func rulesMuteTargetsAsAlertmanagersTestInhibitRuleMatches(_ testCase: MuteCase) {
        let rules = [
            InhibitRule(sourceMatchers: [.equal("s1", "1")], targetMatchers: [.equal("t1", "1")], equal: ["e"]),
            InhibitRule(sourceMatchers: [.equal("s2", "1")], targetMatchers: [.equal("t2", "1")], equal: ["e"]),
        ]
        let inhibitor = Inhibitor(rules: rules, alerts: Self.sourceAlerts, now: now)
        #expect(inhibitor.mutes(Labels(testCase.target)) == testCase.muted)
    }

    @Test(arguments: matcherCases)
    fileprivate func rulesMuteTargetsAsAlertmanagersTestInhibitRuleMatchers(_ testCase: MuteCase) throws {
        let rules = [
            InhibitRule(
                sourceMatchers: [.equal("s1", "1")], targetMatchers: [try LabelMatcher("t1", .notEqual, "1")],
                equal: ["e"]),
            InhibitRule(sourceMatchers: [.equal("s2", "1")], targetMatchers: [.equal("t2", "1")], equal: ["e"]),
        ]
        let inhibitor = Inhibitor(rules: rules, alerts: Self.sourceAlerts, now: now)
        #expect(inhibitor.mutes(Labels(testCase.target)) == testCase.muted)
    }

    /// TestInhibitRuleHasEqual, with the sources marked `src="1"` (the rule's source side) so the
    /// target, which lacks it, is never a source itself.
    private static let equalCases: [EqualCase] = [
        EqualCase(why: "no source alerts at all", sources: [], equal: [], target: ["a": "b"], muted: false),
        EqualCase(
            why: "no equal labels: any source alert mutes", sources: [firing(["src": "1"])], equal: [],
            target: ["a": "b"], muted: true),
        EqualCase(
            why: "matching but already resolved",
            sources: [resolved(["src": "1", "a": "b", "b": "f"]), resolved(["src": "1", "a": "b", "b": "c"])],
            equal: ["a", "b"], target: ["a": "b", "b": "c"], muted: false),
        EqualCase(
            why: "matching and unresolved",
            sources: [resolved(["src": "1", "a": "b", "c": "d"]), firing(["src": "1", "a": "b", "c": "f"])],
            equal: ["a"], target: ["a": "b"], muted: true),
        EqualCase(
            why: "the equal label does not match",
            sources: [firing(["src": "1", "a": "c", "c": "d"]), firing(["src": "1", "a": "c", "c": "f"])],
            equal: ["a"], target: ["a": "b"], muted: false),
        EqualCase(
            why: "an equal label absent on both sides counts as equal", sources: [firing(["src": "1"])],
            equal: ["rotation"], target: ["a": "b"], muted: true),
        EqualCase(
            why: "an equal label absent on one side only differs", sources: [firing(["src": "1", "rotation": "icu"])],
            equal: ["rotation"], target: ["a": "b"], muted: false),
    ]

    @Test(arguments: equalCases)
    fileprivate func sourceAndTargetMustAgreeOnTheEqualLabels(_ testCase: EqualCase) {
        let rule = InhibitRule(sourceMatchers: [.equal("src", "1")], targetMatchers: [], equal: testCase.equal)
        let inhibitor = Inhibitor(rules: [rule], alerts: testCase.sources, now: now)
        #expect(inhibitor.mutes(Labels(testCase.target)) == testCase.muted)
    }

    /// TestInhibit: `s=1` mutes `t=1` with the same `e`, only while it fires.
    @Test(arguments: [
        ([firing(["t": "1", "e": "f"])], [false, false]),
        ([firing(["t": "1", "e": "f"]), firing(["s": "1", "e": "f"])], [true, false]),
        // The source's latest version is resolved.
        ([firing(["t": "1", "e": "f"]), resolved(["s": "1", "e": "f"])], [false, false]),
    ])
    func aSourceMutesItsTargetsOnlyWhileItFires(alerts: [PipelineAlert], muted: [Bool]) {
        let rule = InhibitRule(sourceMatchers: [.equal("s", "1")], targetMatchers: [.equal("t", "1")], equal: ["e"])
        let inhibitor = Inhibitor(rules: [rule], alerts: alerts, now: now)
        #expect([Labels(["t": "1", "e": "f"]), Labels(["s": "1", "e": "f"])].map(inhibitor.mutes) == muted)
    }

    @Test func theInhibitorNamesTheSourceAlertsFingerprint() {
        let source = firing(["alertname": "CriticalUtilization", "rotation": "icu"])
        let rule = InhibitRule(
            sourceMatchers: [.equal("alertname", "CriticalUtilization")],
            targetMatchers: [.equal("alertname", "HighUtilization")], equal: ["rotation"])
        let inhibitor = Inhibitor(
            rules: [rule], alerts: [source, firing(["alertname": "HighUtilization", "rotation": "icu"])], now: now)
        #expect(
            inhibitor.inhibitor(of: Labels(["alertname": "HighUtilization", "rotation": "icu"])) == source.fingerprint)
        #expect(inhibitor.inhibitor(of: Labels(["alertname": "HighUtilization", "rotation": "er"])) == nil)
        #expect(inhibitor.inhibitor(of: source.labels) == nil)
    }

    @Test func anAlertMatchingBothSidesIsNotMutedByItself() {
        let rule = InhibitRule(sourceMatchers: [.equal("severity", "critical")], targetMatchers: [], equal: [])
        let alone = firing(["severity": "critical", "alertname": "A"])
        let inhibitor = Inhibitor(rules: [rule], alerts: [alone], now: now)
        #expect(!inhibitor.mutes(alone.labels))
        // Anything else is muted by it.
        #expect(inhibitor.mutes(Labels(["severity": "warning", "alertname": "A"])))
    }

    @Test func aSourceThatEndsAtNowNoLongerInhibits() {
        let rule = InhibitRule(sourceMatchers: [.equal("s", "1")], targetMatchers: [.equal("t", "1")])
        let source = PipelineAlert(labels: Labels(["s": "1"]), startsAt: now - hour, endsAt: now, updatedAt: now - hour)
        #expect(!Inhibitor(rules: [rule], alerts: [source], now: now).mutes(Labels(["t": "1"])))
        #expect(Inhibitor(rules: [rule], alerts: [source], now: now - 1).mutes(Labels(["t": "1"])))
    }

    @Test func withoutRulesNothingIsMuted() {
        let inhibitor = Inhibitor(rules: [], alerts: [firing(["s": "1"])], now: now)
        #expect(!inhibitor.mutes(Labels(["t": "1"])))
        #expect(inhibitor.inhibitor(of: Labels(["s": "1"])) == nil)
    }
}
