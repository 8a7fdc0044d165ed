import Foundation
import Notify
import PromQL
import Testing
import VigilCore
import VigilDaemon

/// A config file path that need not exist: `parse` only uses it to name the file and anchor paths.
private let configPath = "/srv/vigil/etc/vigil.yml"

/// The problems `parse` reports for `yaml`, or a recorded issue when it unexpectedly succeeds.
private func loadErrors(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> [YAMLError] {
    do {
        _ = try ConfigLoader.parse(yaml: yaml, path: configPath)
        Issue.record("expected the configuration to be rejected", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.errors
    }
}

/// The repository root, found from this source file's location.
private func repositoryRoot(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()  // VigilDaemonTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
}

@Suite struct ConfigLoaderTests {
    // MARK: Files and defaults

    @Test func theQuerySectionSetsTheEngineLimits() throws {
        let config = try ConfigLoader.parse(
            yaml: "query:\n  max_concurrency: 4\n  timeout: 30s\n  max_samples: 1000\n  lookback_delta: 2m\n",
            path: configPath)
        #expect(
            config.query
                == QueryConfig(
                    maxConcurrency: 4, timeout: PromDuration(milliseconds: 30_000), maxSamples: 1000,
                    lookbackDelta: PromDuration(milliseconds: 120_000)))
        let options = config.query.options(evaluationInterval: PromDuration(milliseconds: 15_000))
        #expect(options.timeout == .seconds(30))
        #expect(options.lookbackDelta == 120_000)
        #expect(options.defaultSubqueryStep == 15_000)
        #expect(try ConfigLoader.parse(yaml: "global: {}\n", path: configPath).query == QueryConfig())
        let errors = loadErrors("query:\n  max_concurrency: 0\n  timeout: -1s\n  max_sample: 5\n")
        #expect(errors.map(\.location.line) == [2, 3, 4])
        #expect(errors.first?.message == "must be greater than 0")
    }

    @Test func shippedConfigLoadsAndRunsWithoutGateways() throws {
        let root = repositoryRoot().standardizedFileURL.path
        let config = try ConfigLoader.load(path: root + "/etc/vigil.yml")
        #expect(config.sourcePath == root + "/etc/vigil.yml")
        #expect(config.web.listenAddress == "127.0.0.1:9095")
        #expect(config.storage.path == root + "/var/vigil.db")
        #expect(config.schedule.path == root + "/etc/demo/program.json")
        #expect(config.schedule.horizon == PromDuration(milliseconds: 28 * 86_400_000))
        #expect(config.schedule.asOf == .date(year: 2026, month: 9, day: 14))
        #expect(config.ruleFiles == [root + "/rules/alerts/*.yml"])
        #expect(config.escalationFiles == [root + "/rules/escalation.yml"])
        #expect(config.scrapeConfigs.isEmpty)
        #expect(
            config.receivers.map(\.name) == [
                "on_call_admin", "admin_team", "admin_email", "program_director", "hospital_admin", "acgme_contact",
            ])
        #expect(config.receivers.allSatisfy { $0 == ReceiverConfig(name: $0.name) }, "no gateway: the local file")
        #expect(config.global.evaluationInterval == PromDuration(milliseconds: 15_000))
    }

    @Test func defaultsResolveAgainstTheBaseDirectory() {
        let config = VigilConfig.defaults(baseDirectory: "/opt/vigil/./bin/..")
        #expect(config.sourcePath == nil)
        #expect(config.storage.path == "/opt/vigil/var/vigil.db")
        #expect(config.schedule.path == "/opt/vigil/etc/demo/program.json")
        #expect(config.schedule.asOf == .today)
        #expect(config.schedule.horizon == PromDuration(milliseconds: 28 * 86_400_000))
        #expect(config.ruleFiles == ["/opt/vigil/rules/alerts/*.yml"])
        #expect(config.escalationFiles == ["/opt/vigil/rules/escalation.yml"])
        #expect(config.web.listenAddress == "127.0.0.1:9095")
        #expect(config.global == GlobalConfig())
        #expect(config.global.scrapeTimeout == PromDuration(milliseconds: 10_000))
        #expect(config.global.resolveTimeout == PromDuration(milliseconds: 300_000))
        #expect(config.global.smtpRequireTLS)
        #expect(config.global.externalURL == nil)
    }

    @Test func emptyFileUsesPathsRelativeToItsDirectory() throws {
        let config = try ConfigLoader.parse(yaml: "", path: configPath)
        #expect(config.sourcePath == configPath)
        #expect(config.storage.path == "/srv/vigil/var/vigil.db")
        #expect(config.schedule.path == "/srv/vigil/etc/demo/program.json")
        #expect(config.ruleFiles.isEmpty)
        #expect(config.escalationFiles.isEmpty)
        #expect(config.receivers.isEmpty)
    }

    @Test func pathsInTheFileAreRelativeToItsDirectory() throws {
        let yaml = """
            storage: {path: ./data/../state/vigil.db}
            schedule: {path: /abs/program.json}
            rule_files: ["../rules/alerts/*.yml", "/etc/vigil/rules/[ab]*.yml"]
            escalation_files: [escalation.yml]
            global: {smtp_auth_password_file: secrets/smtp}
            """
        let config = try ConfigLoader.parse(yaml: yaml, path: configPath)
        #expect(config.storage.path == "/srv/vigil/etc/state/vigil.db")
        #expect(config.schedule.path == "/abs/program.json")
        #expect(config.ruleFiles == ["/srv/vigil/rules/alerts/*.yml", "/etc/vigil/rules/[ab]*.yml"])
        #expect(config.escalationFiles == ["/srv/vigil/etc/escalation.yml"])
        #expect(config.global.smtpAuthPasswordFile == "/srv/vigil/etc/secrets/smtp")
    }

    @Test func relativeConfigPathIsMadeAbsolute() throws {
        let config = try ConfigLoader.parse(yaml: "", path: "conf/vigil.yml")
        let cwd = FileManager.default.currentDirectoryPath
        #expect(config.sourcePath == URL(fileURLWithPath: cwd + "/conf/vigil.yml").standardizedFileURL.path)
    }

    @Test func readsAFullConfiguration() throws {
        let yaml = """
            global:
              evaluation_interval: 30s
              scrape_interval: 1m
              external_url: "https://vigil.example/prefix"
              external_labels: {program: fm, site: north}
              smtp_smarthost: "mail.example:587"
              smtp_from: vigil@example.org
              smtp_require_tls: false
            web: {listen_address: "[::1]:9095"}
            schedule: {horizon: 4w, as_of: today}
            scrape_configs:
              - job_name: backend
                scrape_timeout: 20s
                scheme: https
                metrics_path: /internal/metrics
                honor_labels: true
                static_configs:
                  - targets: ["127.0.0.1:8000", "backend.local:8443"]
                    labels: {service: scheduler}
            receivers:
              - name: on_call_admin
                webhook_configs: [{url: "http://127.0.0.1:9000/hook", send_resolved: false, max_alerts: 5}]
                email_configs:
                  - to: oncall@example.org
                    headers: {Subject: "Vigil alert"}
              - name: director
            """
        let config = try ConfigLoader.parse(yaml: yaml, path: configPath)
        #expect(config.global.evaluationInterval == PromDuration(milliseconds: 30_000))
        #expect(config.global.scrapeInterval == PromDuration(milliseconds: 60_000))
        #expect(config.global.scrapeTimeout == PromDuration(milliseconds: 10_000))
        #expect(config.global.externalURL == "https://vigil.example/prefix")
        #expect(config.global.externalLabels == ["program": "fm", "site": "north"])
        #expect(config.global.smtpRequireTLS == false)
        #expect(config.web.listenAddress == "[::1]:9095")
        #expect(config.schedule.asOf == .today)
        #expect(config.schedule.horizon == PromDuration(milliseconds: 28 * 86_400_000))
        let job = try #require(config.scrapeConfigs.first)
        #expect(
            job
                == ScrapeConfig(
                    jobName: "backend", scrapeInterval: nil, scrapeTimeout: PromDuration(milliseconds: 20_000),
                    metricsPath: "/internal/metrics", scheme: "https", honorLabels: true,
                    staticConfigs: [
                        StaticConfig(
                            targets: ["127.0.0.1:8000", "backend.local:8443"],
                            labels: ["service": "scheduler"])
                    ]))
        #expect(job.effectiveScrapeInterval(global: config.global) == PromDuration(milliseconds: 60_000))
        #expect(config.receivers.map(\.name) == ["on_call_admin", "director"])
        #expect(
            config.receivers[0].webhookConfigs == [
                WebhookConfig(
                    url: "http://127.0.0.1:9000/hook", sendResolved: false, maxAlerts: 5)
            ])
        #expect(
            config.receivers[0].emailConfigs == [
                EmailConfig(
                    to: "oncall@example.org", headers: ["Subject": "Vigil alert"])
            ])
    }

    @Test func globalScrapeTimeoutIsCappedByAShortInterval() throws {
        let config = try ConfigLoader.parse(yaml: "global: {scrape_interval: 5s}", path: configPath)
        #expect(config.global.scrapeTimeout == PromDuration(milliseconds: 5_000))
    }

    // MARK: Problems, with positions

    @Test func unknownNestedKeyReportsItsLineAndColumn() {
        let yaml = """
            receivers:
              - name: on_call_admin
                webhook_configs:
                  - url: "https://pager.example/hook"
                    send_resolvd: true
            """
        let errors = loadErrors(yaml)
        #expect(errors.count == 1)
        #expect(errors.first?.location == YAMLLocation(file: configPath, line: 5, column: 9))
        #expect(errors.first?.keyPath == "receivers[0].webhook_configs[0].send_resolvd")
        #expect(errors.first?.message == "unknown key \"send_resolvd\"; did you mean \"send_resolved\"?")
    }

    @Test func pagerdutyConfigsAreReadWithAlertmanagersKeysAndDefaults() throws {
        let config = try ConfigLoader.parse(
            yaml: """
                global:
                  pagerduty_url: https://events.eu.pagerduty.com/v2/enqueue
                receivers:
                  - name: pager
                    pagerduty_configs:
                      - routing_key_file: secrets/pd.key
                        severity: '{{ .CommonLabels.severity }}'
                        details: {shift: '{{ .CommonLabels.shift }}'}
                        links: [{href: 'https://runbooks.example/{{ .GroupLabels.alertname }}', text: Runbook}]
                        send_resolved: false
                      - routing_key: abc
                        url: http://127.0.0.1:9/v2/enqueue
                """, path: configPath)
        let pagers = try #require(config.receivers.first?.pagerdutyConfigs)
        #expect(pagers.count == 2)
        #expect(pagers[0].routingKeyFile == "/srv/vigil/etc/secrets/pd.key")
        #expect(pagers[0].url == "https://events.eu.pagerduty.com/v2/enqueue", "global.pagerduty_url")
        #expect(pagers[0].severity == "{{ .CommonLabels.severity }}")
        #expect(pagers[0].details == ["shift": "{{ .CommonLabels.shift }}"])
        #expect(pagers[0].links.map(\.text) == ["Runbook"])
        #expect(pagers[0].sendResolved == false)
        #expect(pagers[1].routingKey == "abc")
        #expect(pagers[1].url == "http://127.0.0.1:9/v2/enqueue")
        #expect(pagers[1].sendResolved, "Alertmanager's default")
    }

    @Test func aPagerdutyConfigWithoutAKeyOrWithAV1KeyOrABadTemplateIsRefusedWhereWritten() {
        let errors = loadErrors(
            """
            receivers:
              - name: pager
                pagerduty_configs:
                  - severity: critical
                  - service_key: abc
                    routing_key: def
                  - routing_key: abc
                    description: '{{ .CommonLabels.severity '
            """)
        let text = errors.map(\.description)
        #expect(
            text.contains {
                $0.hasPrefix(
                    "\(configPath):4:9: receivers[0].pagerduty_configs[0]: missing routing_key or routing_key_file")
            }, "\(text)")
        #expect(
            text.contains {
                $0.hasPrefix("\(configPath):5:22: receivers[0].pagerduty_configs[1].service_key: service_key is")
            }, "\(text)")
        #expect(
            text.contains { $0.contains("receivers[0].pagerduty_configs[2].description: invalid template") },
            "\(text)")
    }

    @Test func slackConfigsFallBackOnTheGlobalWebhookAndOneWithoutAnyIsRefused() throws {
        let config = try ConfigLoader.parse(
            yaml: """
                global:
                  slack_api_url_file: secrets/slack.url
                receivers:
                  - name: chat
                    slack_configs:
                      - channel: '#coordinators'
                        send_resolved: true
                        actions: [{type: button, text: Runbook, url: 'https://runbooks.example'}]
                      - api_url: https://hooks.slack.example/services/T/B/X
                """, path: configPath)
        let slacks = try #require(config.receivers.first?.slackConfigs)
        #expect(slacks[0].apiURLFile == "/srv/vigil/etc/secrets/slack.url", "global.slack_api_url_file")
        #expect(slacks[0].channel == "#coordinators")
        #expect(slacks[0].sendResolved)
        #expect(slacks[0].actions.map(\.text) == ["Runbook"])
        #expect(slacks[1].apiURL == "https://hooks.slack.example/services/T/B/X")
        #expect(slacks[1].sendResolved == false, "Alertmanager's default for Slack")
        let errors = loadErrors("receivers:\n  - name: chat\n    slack_configs:\n      - channel: '#x'\n").map(
            \.description)
        #expect(
            errors == [
                "\(configPath):4:9: receivers[0].slack_configs[0]: no Slack webhook: set api_url or api_url_file here, or slack_api_url(_file) in global"
            ])
        // The webhook URL is the secret: a bad one is refused without printing its path.
        let secret = loadErrors(
            "receivers:\n  - name: chat\n    slack_configs:\n      - api_url: ftp://hooks.slack.example/T/B/SECRET\n"
        ).map(\.description)
        #expect(secret.count == 1)
        #expect(secret.first?.contains("ftp://hooks.slack.example/…") == true, "\(secret)")
        #expect(secret.first?.contains("SECRET") == false, "\(secret)")
    }

    @Test func smsAndTeamsConfigsAreCheckedWhereWritten() throws {
        let config = try ConfigLoader.parse(
            yaml: """
                receivers:
                  - name: phones
                    msteams_configs: [{webhook_url_file: secrets/teams.url, send_resolved: false}]
                    sms_configs:
                      - url_file: secrets/sms.url
                        format: json
                        to: ["+15550000001", "+447700900123"]
                        max_segments: 2
                """, path: configPath)
        let receiver = try #require(config.receivers.first)
        #expect(receiver.teamsConfigs.first?.webhookURLFile == "/srv/vigil/etc/secrets/teams.url")
        #expect(receiver.teamsConfigs.first?.sendResolved == false)
        #expect(receiver.smsConfigs.first?.format == .json)
        #expect(receiver.smsConfigs.first?.maxSegments == 2)
        #expect(receiver.smsTarget(1)?.to == "+447700900123", "one integration per number")
        #expect(receiver.smsTarget(2) == nil)
        let errors = loadErrors(
            """
            receivers:
              - name: phones
                msteams_configs: [{title: x}]
                sms_configs:
                  - url: http://gateway.example/send
                    to: ["555-0100"]
                    format: xml
            """
        ).map(\.description)
        #expect(
            errors.contains { $0.hasPrefix("\(configPath):3:23: receivers[0].msteams_configs[0]: missing webhook_url") }
        )
        #expect(
            errors.contains {
                $0.hasPrefix("\(configPath):6:14: receivers[0].sms_configs[0].to[0]: \"555-0100\" is not an E.164")
            }, "\(errors)")
        #expect(errors.contains { $0.contains("sms_configs[0].format: format must be form or json") })
    }

    @Test func unknownTopLevelKeyIsAnError() {
        let errors = loadErrors("web: {}\nroute: {receiver: x}\n")
        #expect(errors.map(\.description).first?.hasPrefix("\(configPath):2:1: route: unknown key \"route\"") == true)
    }

    @Test func badDurationsAreReported() {
        let yaml = """
            global:
              evaluation_interval: 5
              scrape_interval: 0
              resolve_timeout: 1m1h
            """
        let errors = loadErrors(yaml)
        #expect(errors.map(\.location.line) == [2, 3, 4])
        #expect(errors.map(\.location.column) == [24, 20, 20])
        #expect(errors[0].message.contains("a number needs a unit"))
        #expect(errors[1].message == "must be greater than 0")
        #expect(errors[2].message.hasPrefix("invalid duration \"1m1h\""))
    }

    @Test func scrapeTimeoutMayNotExceedTheInterval() {
        let yaml = """
            global: {scrape_interval: 10s, scrape_timeout: 15s}
            scrape_configs:
              - job_name: a
                scrape_interval: 5s
                scrape_timeout: 6s
              - job_name: b
                scrape_timeout: 11s
            """
        let errors = loadErrors(yaml)
        #expect(
            errors.map(\.keyPath) == [
                "global.scrape_timeout", "scrape_configs[0].scrape_timeout", "scrape_configs[1].scrape_timeout",
            ])
    }

    @Test func duplicateReceiverIsReportedAtTheSecondName() {
        let yaml = """
            receivers:
              - name: on_call_admin
              - name: director
              - name: on_call_admin
              - name: ""
            """
        let errors = loadErrors(yaml)
        #expect(errors.count == 2)
        #expect(errors.first?.location.line == 4)
        #expect(errors.first?.location.column == 11)
        #expect(errors.first?.keyPath == "receivers[2].name")
        #expect(errors.first?.message.hasPrefix("duplicate receiver name \"on_call_admin\"") == true)
        #expect(errors.last?.keyPath == "receivers[3].name")
        #expect(errors.last?.message == "must not be empty")
    }

    @Test func duplicateJobNameIsReported() {
        let yaml = """
            scrape_configs:
              - {job_name: a}
              - {job_name: a}
            """
        #expect(loadErrors(yaml).map(\.keyPath) == ["scrape_configs[1].job_name"])
    }

    @Test func missingRequiredKeysAreReported() {
        let yaml = """
            receivers:
              - webhook_configs: [{send_resolved: true}]
            """
        let errors = loadErrors(yaml)
        #expect(errors.map(\.message) == ["missing required key \"name\"", "missing required key \"url\""])
        #expect(errors.map(\.keyPath) == ["receivers[0]", "receivers[0].webhook_configs[0]"])
    }

    @Test(arguments: ["ftp://pager.example/hook", "pager.example/hook", "https://", "http:///path", "not a url"])
    func badWebhookURLIsReported(url: String) {
        let yaml = """
            receivers:
              - name: r
                webhook_configs: [{url: "\(url)"}]
            """
        let errors = loadErrors(yaml)
        #expect(errors.map(\.keyPath) == ["receivers[0].webhook_configs[0].url"])
        #expect(errors.first?.location.line == 3)
        #expect(errors.first?.message.contains("must be an absolute http:// or https:// URL") == true)
    }

    @Test func badExternalURLIsReported() {
        let errors = loadErrors("global: {external_url: \"/vigil\"}")
        #expect(errors.map(\.keyPath) == ["global.external_url"])
    }

    @Test(arguments: [
        "127.0.0.1", "127.0.0.1:0", "127.0.0.1:65536", "::1:9095", "[::1]", "host:port", "[zz]:80", "a b:80",
    ])
    func badListenAddressIsReported(address: String) {
        let errors = loadErrors("web:\n  listen_address: \"\(address)\"\n")
        #expect(errors.map(\.keyPath) == ["web.listen_address"])
        #expect(errors.first?.location == YAMLLocation(file: configPath, line: 2, column: 19))
    }

    @Test(arguments: ["0.0.0.0:9095", ":9095", "[::1]:9095", "localhost:65535"])
    func goodListenAddressIsAccepted(address: String) throws {
        let config = try ConfigLoader.parse(yaml: "web: {listen_address: \"\(address)\"}", path: configPath)
        #expect(config.web.listenAddress == address)
    }

    @Test func scrapeTargetsAndLabelNamesAreChecked() {
        let yaml = """
            global:
              external_labels: {1bad: x, good_one: y}
            scrape_configs:
              - job_name: j
                scheme: ftp
                static_configs:
                  - targets: ["ok:80", ":80", "noport"]
                    labels: {"has-dash": v}
            """
        let errors = loadErrors(yaml)
        #expect(
            errors.map(\.keyPath) == [
                "global.external_labels.1bad",
                "scrape_configs[0].scheme",
                "scrape_configs[0].static_configs[0].targets[1]",
                "scrape_configs[0].static_configs[0].targets[2]",
                "scrape_configs[0].static_configs[0].labels.has-dash",
            ])
    }

    @Test func emailSettingsAreChecked() {
        let yaml = """
            global: {smtp_smarthost: "mail.example:25"}
            receivers:
              - name: r
                email_configs:
                  - to: nobody
                    from: "vigil@example.org"
                  - to: "a@example.org"
                    smarthost: "mail.example"
            """
        let errors = loadErrors(yaml)
        #expect(
            errors.map(\.keyPath) == [
                "receivers[0].email_configs[0].to", "receivers[0].email_configs[1]",
                "receivers[0].email_configs[1].smarthost",
            ])
        #expect(errors[0].message == "invalid email address \"nobody\": must contain \"@\"")
        #expect(errors[1].message == "no sender: set from here or smtp_from in global")
    }

    @Test func globalSMTPSettingsAreChecked() {
        let errors = loadErrors("global: {smtp_smarthost: \"mail.example\", smtp_from: vigil}")
        #expect(errors.map(\.keyPath) == ["global.smtp_smarthost", "global.smtp_from"])
    }

    @Test(arguments: [
        ("2026-09-14", ScheduleAsOf.date(year: 2026, month: 9, day: 14)),
        ("2028-02-29", ScheduleAsOf.date(year: 2028, month: 2, day: 29)),
        ("today", ScheduleAsOf.today),
    ])
    func validAsOfIsAccepted(text: String, expected: ScheduleAsOf) throws {
        let config = try ConfigLoader.parse(yaml: "schedule: {as_of: \(text)}", path: configPath)
        #expect(config.schedule.asOf == expected)
        #expect(config.schedule.asOf.description == text)
    }

    @Test(arguments: [
        "2026-02-29", "2026-02-30", "2026-13-01", "2026-9-14", "tomorrow", "2026-09-14T00:00:00Z", "20260914",
    ])
    func invalidAsOfIsRejected(text: String) {
        let errors = loadErrors("schedule:\n  as_of: \(text)\n")
        #expect(errors.map(\.keyPath) == ["schedule.as_of"])
        #expect(errors.first?.location.line == 2)
        #expect(errors.first?.location.column == 10)
    }

    @Test(arguments: ["36h", "0", "12h"])
    func horizonMustBeWholeDays(horizon: String) {
        #expect(loadErrors("schedule: {horizon: \(horizon)}").map(\.keyPath) == ["schedule.horizon"])
    }

    @Test(arguments: ["../rules/[alerts.yml", "../rules/*/alerts.yml", "rules\\"])
    func badGlobPatternIsRejected(pattern: String) {
        let errors = loadErrors("rule_files: ['\(pattern)']")
        #expect(errors.map(\.keyPath) == ["rule_files[0]"])
    }

    @Test func typeMismatchesAreReportedAtTheValue() {
        let yaml = """
            web:
              listen_address: {host: x}
            receivers:
              - name: r
                webhook_configs:
                  - url: "https://pager.example/"
                    send_resolved: maybe
                    max_alerts: lots
            rule_files: ../rules/alerts/*.yml
            """
        let errors = loadErrors(yaml)
        #expect(
            errors.map(\.keyPath) == [
                "web.listen_address",
                "receivers[0].webhook_configs[0].send_resolved",
                "receivers[0].webhook_configs[0].max_alerts",
                "rule_files",
            ])
        #expect(errors.map(\.location.line) == [2, 7, 8, 9])
        #expect(errors[0].message == "expected a string, got a mapping")
        #expect(errors[1].message == "expected a boolean (true or false), got \"maybe\"")
        #expect(errors[3].message == "expected a list, got \"../rules/alerts/*.yml\"")
    }

    @Test func multipleErrorsAreCollectedAtOnce() {
        let yaml = """
            global:
              evaluation_interval: soon
            web:
              listen_adress: "127.0.0.1:9095"
            schedule:
              as_of: 2026-02-30
            receivers:
              - name: a
                webhook_configs: [{url: "nope"}]
            """
        let errors = loadErrors(yaml)
        #expect(errors.map(\.location.line) == [2, 4, 6, 9])
        let description = ConfigLoadError(errors: errors).description
        #expect(description.split(separator: "\n").count == 4)
        #expect(description.hasPrefix("\(configPath):2:24: global.evaluation_interval: invalid duration \"soon\""))
    }

    @Test func syntaxErrorReportsLineAndColumn() {
        let yaml = """
            global:
              evaluation_interval: 15s
            web: {listen_address: "127.0.0.1:9095"
            storage: {path: x}
            """
        let errors = loadErrors(yaml)
        #expect(errors.count == 1)
        #expect(errors.first?.location.file == configPath)
        #expect(errors.first?.location.line == 4)
        #expect(errors.first?.message.hasPrefix("YAML syntax error") == true)
    }

    @Test func tabIndentationIsExplained() {
        let errors = loadErrors("global:\n\tevaluation_interval: 15s\n")
        #expect(errors.first?.location.line == 2)
        #expect(errors.first?.message.contains("YAML indentation must use spaces") == true)
    }

    @Test func duplicateKeyIsRejected() {
        let yaml = """
            web:
              listen_address: "127.0.0.1:9095"
              listen_address: "127.0.0.1:9096"
            """
        let errors = loadErrors(yaml)
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 2)
        #expect(errors.first?.message.contains("duplicate key \"listen_address\"") == true)
    }

    @Test func unreadableFileIsNamedInTheError() {
        let path = "/nonexistent-\(UUID().uuidString)/vigil.yml"
        do {
            _ = try ConfigLoader.load(path: path)
            Issue.record("expected a load failure")
        } catch {
            #expect(error.description == "\(path): cannot read config file: no such file")
        }
    }

    @Test func loadReadsTheFileFromDisk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vigil-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("vigil.yml")
        try "storage: {path: state.db}\nweb: {listen_address: \"127.0.0.1:0\"}\n".write(
            to: file, atomically: true, encoding: .utf8)
        do {
            _ = try ConfigLoader.load(path: file.path)
            Issue.record("port 0 should be rejected")
        } catch {
            #expect(error.errors.map(\.location) == [YAMLLocation(file: file.path, line: 2, column: 23)])
        }
        try "storage: {path: state.db}\n".write(to: file, atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(path: file.path)
        #expect(config.storage.path == directory.standardizedFileURL.path + "/state.db")
    }
}

@Suite struct ScrapeParamsTests {
    @Test func paramsBecomeTheQueryStringAsGoEncodesUrlValues() throws {
        let yaml = """
            scrape_configs:
              - job_name: svc0
                params: {shard: ["0"], "match[]": ['{job="a b"}', "x"]}
                static_configs: [{targets: ["127.0.0.1:9100"]}]
            """
        let config = try ConfigLoader.parse(yaml: yaml, path: "/etc/vigil/vigil.yml")
        let job = try #require(config.scrapeConfigs.first)
        #expect(job.params == ["shard": ["0"], "match[]": ["{job=\"a b\"}", "x"]])
        // Go: url.Values{"shard": {"0"}, "match[]": {`{job="a b"}`, "x"}}.Encode()
        #expect(job.requestPath == "/metrics?match%5B%5D=%7Bjob%3D%22a+b%22%7D&match%5B%5D=x&shard=0")
        #expect(ScrapeConfig(jobName: "plain").requestPath == "/metrics")
    }
}
