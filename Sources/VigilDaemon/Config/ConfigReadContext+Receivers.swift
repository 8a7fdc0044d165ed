import VigilCore

extension ConfigReadContext {
    /// `receivers:`; names must be present and unique (escalation files refer to them).
    func readReceivers(_ root: YAMLMappingReader, global: GlobalConfig) -> [ReceiverConfig] {
        var names = YAMLUniqueNames("receiver name")
        return root.sequence("receivers") { item in
            item.mapping { receiver in
                let name = receiver.required("name")?.string(check: ConfigChecks.nonEmpty)
                if let name, let nameValue = receiver.value("name") { names.claim(name, at: nameValue) }
                return ReceiverConfig(
                    name: name ?? "",
                    webhookConfigs: receiver.sequence("webhook_configs") { $0.mapping(readWebhook) } ?? [],
                    emailConfigs: receiver.sequence("email_configs") { item in
                        item.mapping { readEmail($0, global: global) }
                    } ?? [])
            }
        } ?? []
    }

    private func readWebhook(_ section: YAMLMappingReader) -> WebhookConfig {
        WebhookConfig(
            url: section.required("url")?.string(check: ConfigChecks.httpURL) ?? "",
            sendResolved: section.bool("send_resolved") ?? true,
            maxAlerts: section.int("max_alerts") { $0 >= 0 ? nil : "max_alerts must be 0 (no limit) or more" } ?? 0)
    }

    private func readEmail(_ section: YAMLMappingReader, global: GlobalConfig) -> EmailConfig {
        var email = EmailConfig(to: section.required("to")?.string(check: ConfigChecks.emailAddress) ?? "")
        email.from = section.string("from", check: ConfigChecks.emailAddress)
        email.smarthost = section.string("smarthost", check: ConfigChecks.hostPort)
        email.hello = section.string("hello", check: ConfigChecks.nonEmpty)
        email.authUsername = section.string("auth_username")
        email.authPassword = section.string("auth_password")
        email.authPasswordFile = section.string("auth_password_file", check: ConfigChecks.nonEmpty).map(resolve)
        email.requireTLS = section.bool("require_tls")
        email.sendResolved = section.bool("send_resolved") ?? false
        email.headers = section.stringMap("headers") ?? [:]
        email.html = section.string("html")
        email.text = section.string("text")
        // As Alertmanager: an email needs a sender and a relay, here or in `global`.
        if email.from == nil && global.smtpFrom == nil && !section.contains("from") {
            section.value.report("no sender: set from here or smtp_from in global")
        }
        if email.smarthost == nil && global.smtpSmarthost == nil && !section.contains("smarthost") {
            section.value.report("no SMTP relay: set smarthost here or smtp_smarthost in global")
        }
        return email
    }
}
