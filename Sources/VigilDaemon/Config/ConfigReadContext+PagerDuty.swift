import Notify
import VigilCore

extension ConfigReadContext {
    /// One `pagerduty_configs` entry (Events API v2), with Alertmanager 0.25's keys and defaults.
    func readPagerDuty(_ section: YAMLMappingReader, global: GlobalConfig) -> PagerDutyConfig {
        var config = PagerDutyConfig(url: global.pagerdutyURL)
        config.routingKey = section.string("routing_key", check: ConfigChecks.nonEmpty)
        config.routingKeyFile = section.string("routing_key_file", check: ConfigChecks.nonEmpty).map(resolve)
        if section.contains("service_key") || section.contains("service_key_file") {
            section.report(
                "service_key is PagerDuty's retired Events API v1; use routing_key (an Events API v2 integration key)",
                at: section.contains("service_key") ? "service_key" : "service_key_file")
        }
        if config.routingKey == nil && config.routingKeyFile == nil && !section.contains("routing_key")
            && !section.contains("routing_key_file")
        {
            section.value.report("missing routing_key or routing_key_file (the service's Events API v2 key)")
        }
        if config.routingKey != nil && config.routingKeyFile != nil {
            section.report("at most one of routing_key and routing_key_file", at: "routing_key_file")
        }
        if let url = section.string("url", check: ConfigChecks.httpURL) { config.url = url }
        let template = Self.notificationTemplate
        config.client = section.string("client", check: template)
        config.clientURL = section.string("client_url", check: template)
        config.description = section.string("description", check: template)
        config.severity = section.string("severity", check: template)
        config.source = section.string("source", check: template)
        config.class = section.string("class", check: template)
        config.component = section.string("component", check: template)
        config.group = section.string("group", check: template)
        config.details = section.stringMap("details")
        if let details = section.value("details") { checkTemplates(in: details) }
        config.images =
            section.sequence("images") { item in
                item.mapping { image in
                    PagerDutyConfig.Image(
                        src: image.required("src")?.string(check: template) ?? "",
                        alt: image.string("alt", check: template) ?? "",
                        href: image.string("href", check: template) ?? "")
                }
            } ?? []
        config.links =
            section.sequence("links") { item in
                item.mapping { link in
                    PagerDutyConfig.Link(
                        href: link.required("href")?.string(check: template) ?? "",
                        text: link.string("text", check: template) ?? "")
                }
            } ?? []
        config.sendResolved = section.bool("send_resolved") ?? true
        if let http = section.mapping("http_config", readHTTPClient) { config.http = http }
        if let timeout = section.duration("timeout", check: ConfigChecks.positive) {
            config.timeoutMilliseconds = timeout.milliseconds
        }
        return config
    }

    /// Reports each value of a mapping of templates that does not parse, where it is written.
    func checkTemplates(in mapping: YAMLValue) {
        mapping.mapping { entries in
            for entry in entries.allEntries() {
                if let text = entry.value.string(), let problem = Self.notificationTemplate(text) {
                    entry.value.report(problem)
                }
            }
        }
    }
}
