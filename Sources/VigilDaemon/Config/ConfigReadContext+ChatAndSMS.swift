import Notify
import VigilCore

extension ConfigReadContext {
    /// One `msteams_configs` entry (Alertmanager's schema).
    func readTeams(_ section: YAMLMappingReader) -> TeamsConfig {
        var config = TeamsConfig()
        config.webhookURL = section.string("webhook_url", check: ConfigChecks.secretURL)
        config.webhookURLFile = section.string("webhook_url_file", check: ConfigChecks.nonEmpty).map(resolve)
        if config.webhookURL != nil && config.webhookURLFile != nil {
            section.report("at most one of webhook_url and webhook_url_file", at: "webhook_url_file")
        }
        if config.webhookURL == nil && config.webhookURLFile == nil && !section.contains("webhook_url")
            && !section.contains("webhook_url_file")
        {
            section.value.report("missing webhook_url or webhook_url_file (the channel's incoming webhook)")
        }
        let template = Self.notificationTemplate
        config.title = section.string("title", check: template)
        config.summary = section.string("summary", check: template)
        config.text = section.string("text", check: template)
        config.sendResolved = section.bool("send_resolved") ?? true
        if let http = section.mapping("http_config", readHTTPClient) { config.http = http }
        if let timeout = section.duration("timeout", check: ConfigChecks.positive) {
            config.timeoutMilliseconds = timeout.milliseconds
        }
        return config
    }

    /// One `sms_configs` entry (Vigil's own HTTP SMS gateway).
    func readSMS(_ section: YAMLMappingReader) -> SMSConfig {
        var config = SMSConfig()
        config.url = section.string("url", check: ConfigChecks.secretURL)
        config.urlFile = section.string("url_file", check: ConfigChecks.nonEmpty).map(resolve)
        if config.url != nil && config.urlFile != nil {
            section.report("at most one of url and url_file", at: "url_file")
        }
        if config.url == nil && config.urlFile == nil && !section.contains("url") && !section.contains("url_file") {
            section.value.report("missing url or url_file (the SMS gateway's endpoint)")
        }
        if let method = section.string(
            "method", check: { ["POST", "PUT"].contains($0) ? nil : "method must be POST or PUT" })
        {
            config.method = method
        }
        if let format = section.string(
            "format", check: { SMSConfig.Format(rawValue: $0) == nil ? "format must be form or json" : nil })
        {
            config.format = SMSConfig.Format(rawValue: format) ?? .form
        }
        config.headers = section.stringMap("headers") ?? [:]
        config.to =
            section.required("to")?.sequence { item in
                item.string(check: { number in
                    let digits = number.dropFirst()
                    return number.hasPrefix("+") && (6...15).contains(digits.count) && digits.allSatisfy(\.isNumber)
                        ? nil : "\"\(number)\" is not an E.164 phone number like +15551234567"
                })
            } ?? []
        if config.to.isEmpty && section.contains("to") {
            section.report("to needs at least one phone number", at: "to")
        }
        config.toField = section.string("to_field", check: ConfigChecks.nonEmpty) ?? "to"
        config.textField = section.string("text_field", check: ConfigChecks.nonEmpty) ?? "text"
        config.fields = section.stringMap("fields") ?? [:]
        if let fields = section.value("fields") { checkTemplates(in: fields) }
        config.text = section.string("text", check: Self.notificationTemplate)
        config.maxSegments =
            section.int("max_segments") { (1...10).contains($0) ? nil : "max_segments must be between 1 and 10" } ?? 1
        config.sendResolved = section.bool("send_resolved") ?? true
        if let http = section.mapping("http_config", readHTTPClient) { config.http = http }
        if let timeout = section.duration("timeout", check: ConfigChecks.positive) {
            config.timeoutMilliseconds = timeout.milliseconds
        }
        return config
    }
}
