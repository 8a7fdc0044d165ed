import VigilCore

extension ConfigReadContext {
    /// The `global:` section.
    func readGlobal(_ section: YAMLMappingReader) -> GlobalConfig {
        var global = GlobalConfig()
        if let interval = section.duration("evaluation_interval", check: ConfigChecks.positive) {
            global.evaluationInterval = interval
        }
        if let interval = section.duration("scrape_interval", check: ConfigChecks.positive) {
            global.scrapeInterval = interval
        }
        if let timeout = section.duration("scrape_timeout", check: ConfigChecks.positive) {
            if timeout > global.scrapeInterval {
                section.report(
                    "scrape_timeout (\(timeout)) must not be greater than scrape_interval (\(global.scrapeInterval))",
                    at: "scrape_timeout")
            } else {
                global.scrapeTimeout = timeout
            }
        } else {
            global.scrapeTimeout = min(global.scrapeTimeout, global.scrapeInterval)
        }
        global.externalURL = section.string("external_url", check: ConfigChecks.httpURL)
        global.externalLabels = section.stringMap("external_labels", keyCheck: ConfigChecks.labelName) ?? [:]
        global.resolveTimeout = section.duration("resolve_timeout") ?? ConfigDefaults.resolveTimeout
        if let expiry = section.duration("ack_link_expiry", check: ConfigChecks.positive) {
            global.ackLinkExpiry = expiry
        }
        global.smtpSmarthost = section.string("smtp_smarthost", check: ConfigChecks.hostPort)
        global.smtpFrom = section.string("smtp_from", check: ConfigChecks.emailAddress)
        global.smtpHello = section.string("smtp_hello", check: ConfigChecks.nonEmpty)
        global.smtpAuthUsername = section.string("smtp_auth_username")
        global.smtpAuthPassword = section.string("smtp_auth_password")
        global.smtpAuthPasswordFile = section.string("smtp_auth_password_file", check: ConfigChecks.nonEmpty)
            .map(resolve)
        global.smtpRequireTLS = section.bool("smtp_require_tls") ?? true
        if let url = section.string("pagerduty_url", check: ConfigChecks.httpURL) { global.pagerdutyURL = url }
        global.slackAPIURL = section.string("slack_api_url", check: ConfigChecks.secretURL)
        global.slackAPIURLFile = section.string("slack_api_url_file", check: ConfigChecks.nonEmpty).map(resolve)
        if global.slackAPIURL != nil && global.slackAPIURLFile != nil {
            section.report("at most one of slack_api_url and slack_api_url_file", at: "slack_api_url_file")
        }
        return global
    }

    /// The `web:` section.
    func readWeb(_ section: YAMLMappingReader) -> WebConfig {
        let security = readWebSecurity(section)
        return WebConfig(
            listenAddress: section.string("listen_address", check: ConfigChecks.listenAddress)
                ?? ConfigDefaults.listenAddress,
            security: security)
    }
}
