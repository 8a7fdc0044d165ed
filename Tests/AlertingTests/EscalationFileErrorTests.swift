import Alerting
import Foundation
import TestSupport
import Testing
import TimeSeries
import VigilCore

/// A broken escalation file and the one problem reported, as `FILE:LINE:COL: key.path: message`.
private struct ErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var expected: String

    init(_ name: String, _ yaml: String, _ expected: String) {
        self.name = name
        self.yaml = yaml
        self.expected = expected
    }

    var testDescription: String { name }
}

private func parse(
    _ yaml: String, receivers: Set<String> = ["team-X", "team-Y"], fallback: String = "team-X"
) throws(EscalationFileError) -> EscalationConfig {
    try EscalationFileParser.parse([(path: "esc.yml", text: yaml)], receivers: receivers, fallbackReceiver: fallback)
}

/// The escalation file as a user writes it: Alertmanager 0.25's `Load` checks (config_test.go),
/// each reported at its position, every problem at once; the shipped file; the fallback route.
@Suite struct EscalationFileErrorTests {
    private static let cases: [ErrorCase] = [
        ErrorCase(
            "TestReceiverExists", "route:\n    receiver: team-Z\n",
            #"esc.yml:2:15: route.receiver: undefined receiver "team-Z" used in route; define it under receivers: in the configuration file (defined: team-X, team-Y)"#
        ),
        ErrorCase(
            "TestReceiverExistsForDeepSubRoute",
            """
            route:
                receiver: team-X
                routes:
                  - match:
                      foo: bar
                    routes:
                    - match:
                        foo: bar
                      receiver: nonexistent
            """,
            #"esc.yml:9:21: route.routes[0].routes[0].receiver: undefined receiver "nonexistent" used in route; define it under receivers: in the configuration file (defined: team-X, team-Y)"#
        ),
        ErrorCase(
            "TestMuteTimeExists",
            """
            route:
                receiver: team-Y
                routes:
                -  match:
                    severity: critical
                   mute_time_intervals:
                   - business_hours
            """,
            #"esc.yml:7:10: route.routes[0].mute_time_intervals[0]: undefined time interval "business_hours" used in route"#
        ),
        ErrorCase(
            "TestActiveTimeExists",
            """
            route:
                receiver: team-Y
                routes:
                -  match:
                    severity: critical
                   active_time_intervals:
                   - business_hours
            """,
            #"esc.yml:7:10: route.routes[0].active_time_intervals[0]: undefined time interval "business_hours" used in route"#
        ),
        ErrorCase(
            "TestTimeIntervalHasName",
            """
            time_intervals:
            - name:
              time_intervals:
              - times:
                 - start_time: '09:00'
                   end_time: '17:00'
            """,
            "esc.yml:2:3: time_intervals[0]: missing name in time interval"
        ),
        ErrorCase(
            "TestMuteTimeNoDuplicates",
            """
            mute_time_intervals:
            - name: duplicate
              time_intervals:
              - times:
                 - start_time: '09:00'
                   end_time: '17:00'
            - name: duplicate
              time_intervals:
              - times:
                 - start_time: '10:00'
                   end_time: '14:00'
            """,
            #"esc.yml:7:3: mute_time_intervals[1]: duplicate time interval "duplicate" (first defined at line 2, column 3)"#
        ),
        ErrorCase(
            "a time interval named in both lists",
            """
            mute_time_intervals:
            - name: nights
              time_intervals: [{times: [{start_time: '00:00', end_time: '06:00'}]}]
            time_intervals:
            - name: nights
              time_intervals: [{weekdays: [sunday]}]
            """,
            #"esc.yml:2:3: mute_time_intervals[0]: duplicate time interval "nights" (first defined at line 5, column 3)"#
        ),
        ErrorCase(
            "TestGroupByHasNoDuplicatedLabels",
            "route:\n  receiver: team-X\n  group_by: ['alertname', 'cluster', 'service', 'cluster']\n",
            #"esc.yml:3:49: route.group_by[3]: duplicated label "cluster" in group_by"#
        ),
        ErrorCase(
            "TestWildcardGroupByWithOtherGroupByLabels",
            "route:\n  group_by: ['alertname', 'cluster', '...']\n  receiver: team-X\n",
            "esc.yml:2:13: route.group_by: cannot have wildcard group_by (`...`) and other other labels at the same time"
        ),
        ErrorCase(
            "TestGroupByInvalidLabel",
            "route:\n  group_by: ['-invalid-']\n  receiver: team-X\n",
            #"esc.yml:2:14: route.group_by[0]: invalid label name "-invalid-" in group_by list"#
        ),
        ErrorCase(
            "a root route without a receiver",
            "route:\n  group_by: [alertname]\n",
            "esc.yml:2:3: route: root route must specify a default receiver"
        ),
        ErrorCase(
            "TestRootRouteNoMuteTimes",
            """
            mute_time_intervals:
            - name: my_mute_time
              time_intervals:
              - times:
                 - start_time: '09:00'
                   end_time: '17:00'
            route:
              receiver: 'team-X'
              mute_time_intervals:
              - my_mute_time
            """,
            "esc.yml:10:3: route.mute_time_intervals: root route must not have any mute time intervals"
        ),
        ErrorCase(
            "TestRootRouteNoActiveTimes",
            """
            time_intervals:
            - name: my_active_time
              time_intervals:
              - times:
                 - start_time: '09:00'
                   end_time: '17:00'
            route:
              receiver: 'team-X'
              active_time_intervals:
              - my_active_time
            """,
            "esc.yml:10:3: route.active_time_intervals: root route must not have any active time intervals"
        ),
        ErrorCase(
            "TestRootRouteHasNoMatcher (match)",
            "route:\n  receiver: 'team-X'\n  match:\n    severity: critical\n",
            "esc.yml:4:5: route.match: root route must not have any matchers"
        ),
        ErrorCase(
            "TestRootRouteHasNoMatcher (matchers)",
            "route:\n  receiver: 'team-X'\n  matchers:\n    - severity=critical\n",
            "esc.yml:4:5: route.matchers: root route must not have any matchers"
        ),
        ErrorCase(
            "TestContinueErrorInRouteRoot",
            "route:\n    receiver: team-X\n    continue: true\n",
            "esc.yml:3:15: route.continue: cannot have continue in root route"
        ),
        ErrorCase(
            "TestGroupIntervalIsGreaterThanZero",
            "route:\n    receiver: team-X\n    group_interval: 0s\n",
            "esc.yml:3:21: route.group_interval: group_interval cannot be zero"
        ),
        ErrorCase(
            "TestRepeatIntervalIsGreaterThanZero",
            "route:\n    receiver: team-X\n    repeat_interval: 0s\n",
            "esc.yml:3:22: route.repeat_interval: repeat_interval cannot be zero"
        ),
        ErrorCase(
            "a duration not in Prometheus syntax",
            "route:\n  receiver: team-X\n  group_wait: 5 minutes\n",
            #"esc.yml:3:15: route.group_wait: invalid duration "5 minutes": use Prometheus syntax such as 30s, 5m or 1h30m (units y, w, d, h, m, s, ms; largest first; each at most once)"#
        ),
        ErrorCase(
            "a misspelt key",
            "route:\n  receiver: team-X\n  recevier: team-Y\n",
            #"esc.yml:3:3: route.recevier: unknown key "recevier"; did you mean "receiver"?"#
        ),
        ErrorCase(
            "a key of Alertmanager's configuration that belongs in etc/vigil.yml",
            "receivers:\n  - name: x\n",
            #"esc.yml:1:1: receivers: unknown key "receivers" (known keys: escalation_policies, incident_policies, incident_verification_hold, inhibit_rules, mute_time_intervals, oncall, route, time_intervals)"#
        ),
        ErrorCase(
            "a matcher with a bad regular expression",
            "route:\n  receiver: team-X\n  routes:\n    - matchers: ['a=~\"(\"']\n",
            "esc.yml:4:18: route.routes[0].matchers[0]: error parsing regexp: missing closing ): `^(?:()$`"
        ),
        ErrorCase(
            "a match_re with a bad regular expression",
            "route:\n  receiver: team-X\n  routes:\n    - match_re:\n        a: '('\n",
            "esc.yml:5:12: route.routes[0].match_re.a: error parsing regexp: missing closing ): `^(?:()$`"
        ),
        ErrorCase(
            "a match with an invalid label name",
            "route:\n  receiver: team-X\n  routes:\n    - match:\n        0a: b\n",
            #"esc.yml:5:9: route.routes[0].match.0a: invalid label name "0a""#
        ),
        ErrorCase(
            "a matcher with an unescaped quote",
            "route:\n  receiver: team-X\n  routes:\n    - matchers: ['a=\"b']\n",
            #"esc.yml:4:18: route.routes[0].matchers[0]: matcher value contains unescaped double quote: "b"#
        ),
        ErrorCase(
            "an inhibit rule's equal list with an invalid label name",
            "inhibit_rules:\n  - source_matchers: ['a=\"b\"']\n    target_matchers: ['c=\"d\"']\n    equal: ['0x']\n",
            #"esc.yml:4:13: inhibit_rules[0].equal[0]: invalid label name "0x" in equal list"#
        ),
        ErrorCase(
            "a route that is not a mapping",
            "route: [team-X]\n",
            "esc.yml:1:8: route: expected a mapping, got a list"
        ),
        ErrorCase(
            "a continue that is not a boolean",
            "route:\n  receiver: team-X\n  routes:\n    - continue: maybe\n",
            #"esc.yml:4:17: route.routes[0].continue: expected a boolean (true or false), got "maybe""#
        ),
        ErrorCase(
            "broken YAML",
            "route:\n  receiver: team-X\n routes: []\n",
            "esc.yml:3:2: YAML syntax error: did not find expected key (while parsing a block mapping at line 1, column 1)"
        ),
    ]

    @Test(arguments: cases)
    fileprivate func eachProblemIsReportedAtItsPositionWithAlertmanagersMessage(_ testCase: ErrorCase) throws {
        let error = try #require(throws: EscalationFileError.self) { try parse(testCase.yaml) }
        #expect(error.errors.map(\.description) == [testCase.expected])
    }

    @Test func errorsCarryTheirPositionKeyPathAndMessageApart() throws {
        let error = try #require(throws: EscalationFileError.self) {
            try parse("route:\n  receiver: team-X\n  group_interval: 0s\n")
        }
        let only = try #require(error.errors.first)
        #expect(only.location == YAMLLocation(file: "esc.yml", line: 3, column: 19))
        #expect(only.keyPath == "route.group_interval")
        #expect(only.message == "group_interval cannot be zero")
        #expect(error.description == "esc.yml:3:19: route.group_interval: group_interval cannot be zero")
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        let error = try #require(throws: EscalationFileError.self) {
            try parse(
                """
                route:
                  receiver: team-X
                  routes:
                    - receiver: team-Y
                      routes:
                        - receiver: nope
                          group_by: [x, x]
                """)
        }
        #expect(
            error.errors.map(\.description) == [
                #"esc.yml:6:21: route.routes[0].routes[0].receiver: undefined receiver "nope" used in route; define it under receivers: in the configuration file (defined: team-X, team-Y)"#,
                #"esc.yml:7:25: route.routes[0].routes[0].group_by[1]: duplicated label "x" in group_by"#,
            ])
        #expect(error.description == error.errors.map(\.description).joined(separator: "\n"))
    }

    @Test func onlyOneFileMayDefineTheRoute() throws {
        let error = try #require(throws: EscalationFileError.self) {
            try EscalationFileParser.parse(
                [
                    (path: "one.yml", text: "route:\n  receiver: a\n"),
                    (path: "two.yml", text: "route:\n  receiver: b\n"),
                ],
                receivers: ["a", "b"], fallbackReceiver: "a")
        }
        #expect(
            error.description
                == "two.yml:2:3: route: route is already defined in one.yml; one escalation file holds the route tree")
    }

    @Test func filesAddInhibitRulesAndTimeIntervalsTheRouteOfAnotherFileUses() throws {
        let config = try EscalationFileParser.parse(
            [
                (
                    path: "route.yml",
                    text: "route:\n  receiver: a\n  routes:\n    - receiver: b\n      mute_time_intervals: [nights]\n"
                ),
                (
                    path: "extra.yml",
                    text: """
                    inhibit_rules:
                      - source_match: {severity: critical}
                        target_match_re: {severity: 'warning|info'}
                        equal: [rotation]
                    time_intervals:
                      - name: nights
                        time_intervals: [{times: [{start_time: '22:00', end_time: '24:00'}]}]
                    """
                ),
            ],
            receivers: ["a", "b"], fallbackReceiver: "a")
        #expect(config.files == ["route.yml", "extra.yml"])
        #expect(config.route.routes.first?.options.muteTimeIntervals == ["nights"])
        #expect(config.timeIntervals["nights"]?.intervals.count == 1)
        let rule = try #require(config.inhibitRules.first)
        #expect(rule.sourceMatchers == [.equal("severity", "critical")])
        #expect(rule.targetMatchers.map(\.kind) == [.regexMatch])
        #expect(rule.targetMatchers.first?.matches(Labels(["severity": "info"])) == true)
        #expect(rule.targetMatchers.first?.matches(Labels(["severity": "information"])) == false)
        #expect(rule.equal == ["rotation"])
    }

    @Test func withoutARouteEverythingGoesToTheFallbackReceiverGroupedByAlertName() throws {
        for sources in [[], [(path: "rules.yml", text: "inhibit_rules: []\n")]] as [[(path: String, text: String)]] {
            let config = try EscalationFileParser.parse(sources, receivers: [], fallbackReceiver: "admin")
            #expect(config.route == EscalationConfig.fallback(receiver: "admin").route)
            #expect(config.route.options.receiver == "admin")
            #expect(config.route.options.groupBy == ["alertname"])
            #expect(config.route.options.groupWait == 30_000)
            #expect(config.route.options.groupInterval == 300_000)
            #expect(config.route.options.repeatInterval == 14_400_000)
            #expect(config.route.routes.isEmpty)
            #expect(config.route.match(Labels(["alertname": "X"])).map(\.options.receiver) == ["admin"])
        }
    }

    @Test func anUnreadableFileIsReportedAsAWhole() throws {
        let directory = TestDirectory()
        let missing = directory.file("missing.yml")
        let error = try #require(throws: EscalationFileError.self) {
            try EscalationFileParser.load(paths: [missing], receivers: ["a"], fallbackReceiver: "a")
        }
        #expect(error.errors.map(\.location) == [.wholeFile(missing)])
        #expect(error.description == "\(missing): cannot read escalation file")
    }

    @Test func loadReadsFilesFromDisk() throws {
        let directory = TestDirectory()
        let path = try directory.write("escalation.yml", "route:\n  receiver: a\n  group_by: [rotation]\n")
        let config = try EscalationFileParser.load(paths: [path], receivers: ["a"], fallbackReceiver: "b")
        #expect(config.route.options.receiver == "a")
        #expect(config.route.options.groupBy == ["rotation"])
        #expect(config.files == [path])
    }

    /// `rules/escalation.yml`, as shipped.
    private static var shippedFile: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules/escalation.yml").path
    }

    @Test func theShippedEscalationFileParsesAgainstTheShippedReceivers() throws {
        let config = try EscalationFileParser.load(
            paths: [Self.shippedFile],
            receivers: [
                "on_call_admin", "admin_team", "admin_email", "program_director", "hospital_admin", "acgme_contact",
            ],
            fallbackReceiver: "admin_team")
        let root = config.route
        #expect(root.options.receiver == "admin_team")
        #expect(root.options.groupBy == ["alertname", "component"])
        #expect(root.options.groupWait == 60_000)
        #expect(root.routes.map(\.options.receiver) == ["on_call_admin", "on_call_admin", "admin_team", "admin_email"])
        #expect(config.inhibitRules.count == 2)
        #expect(config.timeIntervals.keys.sorted() == ["office_hours"])

        let critical = root.match(Labels(["alertname": "CoverageGap", "severity": "critical", "rotation": "icu"]))
        #expect(critical.map(\.options.receiver) == ["on_call_admin"])
        #expect(critical.first?.options.repeatInterval == 3_600_000)
        #expect(critical.first?.key == #"{}/{severity="critical"}"#)

        let info = try #require(root.match(Labels(["alertname": "Digest", "severity": "info"])).first)
        #expect(info.options.activeTimeIntervals == ["office_hours"])
        #expect(info.options.groupInterval == 600_000)
        #expect(info.options.repeatInterval == 86_400_000)

        let unmatched = root.match(Labels(["alertname": "Other"]))
        #expect(unmatched.map(\.key) == ["{}"])
    }

    @Test func theShippedEscalationFileNeedsBothReceivers() throws {
        let error = try #require(throws: EscalationFileError.self) {
            try EscalationFileParser.load(
                paths: [Self.shippedFile],
                receivers: ["admin_team", "admin_email", "program_director", "hospital_admin", "acgme_contact"],
                fallbackReceiver: "admin_team")
        }
        let route = EscalationFileError(errors: error.errors.filter { $0.keyPath.description.hasPrefix("route") })
        #expect(error.errors.count == 6, "the routes, and the policies' steps naming on_call_admin")
        #expect(error.errors.allSatisfy { $0.message.hasPrefix(#"undefined receiver "on_call_admin""#) })
        #expect(route.errors.allSatisfy { $0.message.hasPrefix(#"undefined receiver "on_call_admin" used in route"#) })
        #expect(route.errors.map(\.keyPath) == ["route.routes[0].receiver", "route.routes[1].receiver"])
    }
}
