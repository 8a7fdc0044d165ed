import Alerting
import Foundation
import TestSupport
import Testing
import TimeSeries

private let amtoolPath = "/usr/bin/amtool"
private let hasAmtool = FileManager.default.isExecutableFile(atPath: amtoolPath)
private let needsAmtool = Comment(
    rawValue: "needs Alertmanager 0.25's amtool at \(amtoolPath) (apt-get install prometheus-alertmanager)")

/// Runs amtool; standard output and the exit status (standard error is dropped: amtool warns there
/// that `--config.file` overrides `--alertmanager.url`).
private func amtool(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: amtoolPath)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

private func escalation(_ yaml: String, receivers: Set<String>) throws -> EscalationConfig {
    try EscalationFileParser.parse([(path: "escalation.yml", text: yaml)], receivers: receivers, fallbackReceiver: "")
}

/// The escalation files, with every feature the configuration text must carry over.
private let everything = """
    route:
      receiver: default
      group_by: [alertname]
      group_wait: 45s
      group_interval: 90s
      repeat_interval: 1d
      routes:
        - receiver: crit
          matchers: ['severity="critical"', 'team!~"dev|test"']
          group_by: ['...']
          continue: true
          routes:
            - receiver: crit-db
              match_re: {service: 'db|mysql'}
              group_wait: 1h30m
              mute_time_intervals: [nights, holidays]
        - receiver: hook
          match: {team: ops}
          group_by: [alertname, instance]
          active_time_intervals: [office]
        - receiver: 'odd "name"'
          matchers: ['msg="say \\"hi\\""']
    inhibit_rules:
      - source_matchers: ['alertname="Source"']
        target_matchers: ['alertname=~"Target|Other"']
        equal: ['instance']
      - source_match: {severity: critical}
        target_match: {severity: warning}
    time_intervals:
      - name: office
        time_intervals:
          - weekdays: ['monday:friday']
            times: [{start_time: '07:00', end_time: '18:30'}]
            location: Europe/Berlin
      - name: holidays
        time_intervals:
          - months: ['december']
            days_of_month: ['24:26', '-1']
            years: ['2024:2030']
    mute_time_intervals:
      - name: nights
        time_intervals:
          - times: [{start_time: '00:00', end_time: '06:00'}, {start_time: '22:00', end_time: '24:00'}]
    """

private let everythingReceivers: Set<String> = ["default", "crit", "crit-db", "hook", #"odd "name""#]

/// `AlertmanagerConfigText`: the configuration written back for `GET /api/v2/status`, which amtool
/// loads as Alertmanager's own (`config routes`), so Alertmanager must accept it.
@Suite struct ConfigTextTests {
    @Test func theTextStartsWithTheResolveTimeoutAndEndsWithEveryReceiver() throws {
        let config = try escalation("route:\n  receiver: a\n  group_by: [alertname]\n", receivers: ["a"])
        let text = AlertmanagerConfigText.render(config, receivers: ["b", "a"], resolveTimeout: 300_000)
        #expect(
            text == """
                global:
                  resolve_timeout: 5m
                route:
                  receiver: "a"
                  group_by:
                  - "alertname"
                  continue: false
                  group_wait: 30s
                  group_interval: 5m
                  repeat_interval: 4h
                receivers:
                - name: "b"
                - name: "a"
                templates: []

                """)
    }

    @Test func aReceiverOnlyTheRouteNamesIsListedToo() throws {
        let config = EscalationConfig.fallback(receiver: "admin")
        let text = AlertmanagerConfigText.render(config, receivers: [], resolveTimeout: 60_000)
        #expect(text.contains("receivers:\n- name: \"admin\"\n"))
        #expect(text.contains("resolve_timeout: 1m\n"))
    }

    @Test(.enabled(if: hasAmtool, needsAmtool))
    func amtoolAcceptsTheShippedEscalationFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules/escalation.yml").path
        let config = try EscalationFileParser.load(
            paths: [file],
            receivers: [
                "on_call_admin", "admin_team", "admin_email", "program_director", "hospital_admin", "acgme_contact",
            ],
            fallbackReceiver: "admin_team")
        let directory = TestDirectory()
        let path = try directory.write(
            "alertmanager.yml",
            AlertmanagerConfigText.render(
                config, receivers: ["admin_team", "on_call_admin", "admin_email"], resolveTimeout: 300_000))
        let result = try amtool(["check-config", path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("SUCCESS"))
        #expect(result.output.contains(" - 2 inhibit rules"))
        #expect(result.output.contains(" - 3 receivers"))
    }

    @Test(.enabled(if: hasAmtool, needsAmtool))
    func amtoolAcceptsEveryFeatureOfTheEscalationFiles() throws {
        let config = try escalation(everything, receivers: everythingReceivers)
        let directory = TestDirectory()
        let path = try directory.write(
            "alertmanager.yml",
            AlertmanagerConfigText.render(config, receivers: everythingReceivers.sorted(), resolveTimeout: 90_000))
        let result = try amtool(["check-config", path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("SUCCESS"))
        #expect(result.output.contains(" - 2 inhibit rules"))
        #expect(result.output.contains(" - 5 receivers"))
    }

    /// The rendered tree routes every alert as Vigil's own tree does, by amtool's judgement.
    @Test(.enabled(if: hasAmtool, needsAmtool))
    func amtoolRoutesTheRenderedTreeAsVigilDoes() throws {
        let config = try escalation(everything, receivers: everythingReceivers)
        let directory = TestDirectory()
        let path = try directory.write(
            "alertmanager.yml",
            AlertmanagerConfigText.render(config, receivers: everythingReceivers.sorted(), resolveTimeout: 300_000))
        let labelSets: [[String: String]] = [
            ["alertname": "A"],
            ["severity": "critical", "alertname": "A"],
            ["severity": "critical", "team": "dev"],
            ["severity": "critical", "service": "mysql"],
            ["severity": "critical", "service": "mysql", "team": "ops"],
            ["team": "ops", "service": "db"],
            ["msg": #"say "hi""#],
        ]
        for labels in labelSets {
            let arguments = labels.sorted { $0.key < $1.key }.map { label in
                let value = label.value.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "\"", with: "\\\"")
                return "\(label.key)=\"\(value)\""
            }
            let result = try amtool(["config", "routes", "test", "--config.file=\(path)"] + arguments)
            #expect(result.status == 0, "\(labels): \(result.output)")
            let vigil = config.route.match(Labels(labels)).map(\.options.receiver)
            #expect(result.output.trimmingCharacters(in: .newlines) == vigil.joined(separator: ","), "\(labels)")
        }
    }

    /// Alertmanager's own reading of its route_test.go tree (through amtool), against Vigil's reading
    /// of the same escalation file: the same receivers for every alert of that test, and the same
    /// route keys where amtool shows them (`config routes` prints each route's matchers).
    @Test(.enabled(if: hasAmtool, needsAmtool))
    func amtoolReadsAlertmanagersRouteTestTreeAsVigilDoes() throws {
        let tree = """
            route:
              receiver: 'notify-def'
              routes:
              - match:
                  owner: 'team-A'
                receiver: 'notify-A'
                routes:
                - match:
                    env: 'testing'
                  receiver: 'notify-testing'
                  group_by: [...]
                - match:
                    env: "production"
                  receiver: 'notify-productionA'
                  group_wait: 1m
                  continue: true
                - match_re:
                    env: "produ.*"
                    job: ".*"
                  receiver: 'notify-productionB'
              - match_re:
                  owner: 'team-(B|C)'
                receiver: 'notify-BC'
            """
        let receivers = [
            "notify-def", "notify-A", "notify-testing", "notify-productionA", "notify-productionB", "notify-BC",
        ]
        let directory = TestDirectory()
        let path = try directory.write(
            "alertmanager.yml", tree + "\nreceivers:\n" + receivers.map { "- name: \($0)\n" }.joined())
        let config = try escalation(tree, receivers: Set(receivers))
        for labels in [["owner": "team-A"], ["owner": "team-C"], ["owner": "team-A", "env": "production"], ["x": "y"]] {
            let arguments = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            let result = try amtool(["config", "routes", "test", "--config.file=\(path)"] + arguments)
            let vigil = config.route.match(Labels(labels)).map(\.options.receiver)
            #expect(result.output.trimmingCharacters(in: .newlines) == vigil.joined(separator: ","), "\(labels)")
        }
        // amtool prints each route's own matchers, as the last part of its key.
        let shown = try amtool(["config", "routes", "--config.file=\(path)"]).output
        for route in config.route.allRoutes.dropFirst() {
            let own = Route.text(of: route.matchers)
            #expect(shown.contains("── \(own)  "), "amtool shows no route \(own):\n\(shown)")
        }
    }

    /// Alertmanager refuses `continue` on the root route when it loads a configuration; so must the
    /// escalation files, or the text written back is one amtool cannot load.
    @Test(.enabled(if: hasAmtool, needsAmtool))
    func continueOnTheRootRouteIsRefusedByAmtoolAndByVigil() throws {
        let tree = "route:\n  receiver: team\n  continue: true\n"
        let directory = TestDirectory()
        let path = try directory.write("alertmanager.yml", tree + "receivers:\n- name: team\n")
        let checked = try amtool(["check-config", path])
        #expect(checked.status != 0)
        #expect(checked.output.contains("cannot have continue in root route"))
        #expect(throws: EscalationFileError.self) { try escalation(tree, receivers: ["team"]) }
    }
}
