import Notify
import VigilCore

extension ConfigReadContext {
    /// One `slack_configs` entry (an incoming webhook), with Alertmanager 0.25's keys and defaults.
    func readSlack(_ section: YAMLMappingReader, global: GlobalConfig) -> SlackConfig {
        var config = SlackConfig()
        config.apiURL = section.string("api_url", check: ConfigChecks.secretURL)
        config.apiURLFile = section.string("api_url_file", check: ConfigChecks.nonEmpty).map(resolve)
        if config.apiURL != nil && config.apiURLFile != nil {
            section.report("at most one of api_url and api_url_file", at: "api_url_file")
        }
        if config.apiURL == nil && config.apiURLFile == nil {
            config.apiURL = global.slackAPIURL
            config.apiURLFile = global.slackAPIURLFile
            if config.apiURL == nil && config.apiURLFile == nil && !section.contains("api_url")
                && !section.contains("api_url_file")
            {
                section.value.report(
                    "no Slack webhook: set api_url or api_url_file here, or slack_api_url(_file) in global")
            }
        }
        let template = Self.notificationTemplate
        config.channel = section.string("channel", check: template)
        config.username = section.string("username", check: template)
        config.iconEmoji = section.string("icon_emoji", check: template)
        config.iconURL = section.string("icon_url", check: template)
        config.color = section.string("color", check: template)
        config.title = section.string("title", check: template)
        config.titleLink = section.string("title_link", check: template)
        config.pretext = section.string("pretext", check: template)
        config.text = section.string("text", check: template)
        config.footer = section.string("footer", check: template)
        config.fallback = section.string("fallback", check: template)
        config.callbackID = section.string("callback_id", check: template)
        config.imageURL = section.string("image_url", check: template)
        config.thumbURL = section.string("thumb_url", check: template)
        config.shortFields = section.bool("short_fields") ?? false
        config.linkNames = section.bool("link_names") ?? false
        // As Alertmanager: an empty list means the default.
        if let names = section.sequence("mrkdwn_in", { $0.string() }), !names.isEmpty { config.mrkdwnIn = names }
        config.fields =
            section.sequence("fields") { item in
                item.mapping { field in
                    SlackConfig.Field(
                        title: field.required("title")?.string(check: template) ?? "",
                        value: field.required("value")?.string(check: template) ?? "", short: field.bool("short"))
                }
            } ?? []
        config.actions =
            section.sequence("actions") { item in
                item.mapping { action in
                    _ = action.value("confirm")
                    return SlackConfig.Action(
                        type: action.required("type")?.string(check: template) ?? "button",
                        text: action.required("text")?.string(check: template) ?? "",
                        url: action.string("url", check: template) ?? "",
                        style: action.string("style", check: template) ?? "",
                        name: action.string("name", check: template) ?? "",
                        value: action.string("value", check: template) ?? "")
                }
            } ?? []
        config.sendResolved = section.bool("send_resolved") ?? false
        if let http = section.mapping("http_config", readHTTPClient) { config.http = http }
        if let timeout = section.duration("timeout", check: ConfigChecks.positive) {
            config.timeoutMilliseconds = timeout.milliseconds
        }
        return config
    }
}
