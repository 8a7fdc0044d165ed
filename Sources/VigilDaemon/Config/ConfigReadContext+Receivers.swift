import Notify
import Rules
import Transport
import VigilCore

extension ConfigReadContext {
    /// A notification template that does not parse, in Go's words. The templates it runs by name
    /// are checked once the template files are read (``EscalationFileSet``).
    static func notificationTemplate(_ text: String) -> String? {
        do {
            _ = try NotificationTemplate(text, name: "notification")
            return nil
        } catch {
            if error.message.contains("no such template") { return nil }
            return "invalid template: \(error)"
        }
    }

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
                    } ?? [],
                    pagerdutyConfigs: receiver.sequence("pagerduty_configs") { item in
                        item.mapping { readPagerDuty($0, global: global) }
                    } ?? [],
                    slackConfigs: receiver.sequence("slack_configs") { item in
                        item.mapping { readSlack($0, global: global) }
                    } ?? [],
                    teamsConfigs: receiver.sequence("msteams_configs") { $0.mapping(readTeams) } ?? [],
                    smsConfigs: receiver.sequence("sms_configs") { $0.mapping(readSMS) } ?? [])
            }
        } ?? []
    }

    private func readWebhook(_ section: YAMLMappingReader) -> WebhookConfig {
        WebhookConfig(
            url: section.required("url")?.string(check: ConfigChecks.httpURL) ?? "",
            sendResolved: section.bool("send_resolved") ?? true,
            maxAlerts: section.int("max_alerts") { $0 >= 0 ? nil : "max_alerts must be 0 (no limit) or more" } ?? 0,
            http: section.mapping("http_config", readHTTPClient) ?? HTTPClientConfig(),
            timeoutMilliseconds: section.duration("timeout", check: ConfigChecks.positive)?.milliseconds ?? 10_000)
    }

    /// Prometheus' `tls_config` (`server_name` and `min_version` accepted for compatibility).
    func readTLS(_ tls: YAMLMappingReader) -> TLSOptions {
        _ = tls.string("server_name")
        _ = tls.string("min_version")
        return TLSOptions(
            insecureSkipVerify: tls.bool("insecure_skip_verify") ?? false,
            caFile: tls.string("ca_file", check: ConfigChecks.nonEmpty).map(resolve),
            certFile: tls.string("cert_file", check: ConfigChecks.nonEmpty).map(resolve),
            keyFile: tls.string("key_file", check: ConfigChecks.nonEmpty).map(resolve))
    }

    /// Alertmanager's `http_config`: `authorization`, `basic_auth`, `bearer_token(_file)`, `tls_config`,
    /// `proxy_url`, `follow_redirects`, `enable_http2` (the last two accepted for compatibility).
    func readHTTPClient(_ section: YAMLMappingReader) -> HTTPClientConfig {
        var config = HTTPClientConfig()
        config.basicAuth = section.mapping("basic_auth") { auth in
            (
                username: auth.string("username") ?? "", password: auth.string("password"),
                passwordFile: auth.string("password_file", check: ConfigChecks.nonEmpty).map(resolve)
            )
        }
        config.authorization = section.mapping("authorization") { auth in
            (
                type: auth.string("type", check: ConfigChecks.nonEmpty) ?? "Bearer",
                credentials: auth.string("credentials"),
                credentialsFile: auth.string("credentials_file", check: ConfigChecks.nonEmpty).map(resolve)
            )
        }
        let bearer = section.string("bearer_token")
        let bearerFile = section.string("bearer_token_file", check: ConfigChecks.nonEmpty).map(resolve)
        if bearer != nil || bearerFile != nil {
            if config.authorization != nil {
                section.report("at most one of bearer_token, bearer_token_file and authorization", at: "bearer_token")
            }
            config.authorization = (type: "Bearer", credentials: bearer, credentialsFile: bearerFile)
        }
        if config.basicAuth != nil && config.authorization != nil {
            section.report("at most one of basic_auth, bearer_token and authorization may be set", at: "basic_auth")
        }
        if let tls = section.mapping(
            "tls_config",
            { tls in
                _ = tls.string("server_name")
                _ = tls.string("min_version")
                return TLSOptions(
                    insecureSkipVerify: tls.bool("insecure_skip_verify") ?? false,
                    caFile: tls.string("ca_file", check: ConfigChecks.nonEmpty).map(resolve),
                    certFile: tls.string("cert_file", check: ConfigChecks.nonEmpty).map(resolve),
                    keyFile: tls.string("key_file", check: ConfigChecks.nonEmpty).map(resolve))
            })
        {
            config.tls = tls
        }
        config.proxyURL = section.string("proxy_url", check: ConfigChecks.httpURL)
        _ = section.bool("follow_redirects")
        _ = section.bool("enable_http2")
        return config
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
        if let tls = section.mapping("tls_config", readTLS) { email.tls = tls }
        email.sendResolved = section.bool("send_resolved") ?? false
        email.headers = section.stringMap("headers") ?? [:]
        email.html = section.string("html", check: Self.notificationTemplate)
        email.text = section.string("text", check: Self.notificationTemplate)
        if let headers = section.value("headers") { checkTemplates(in: headers) }
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
