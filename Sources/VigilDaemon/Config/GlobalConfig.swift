import Notify
import VigilCore

/// Settings shared by every part of the daemon, named as in Prometheus' and Alertmanager's
/// `global:` sections so users can paste what they already have.
public struct GlobalConfig: Sendable, Equatable {
    /// How often rule groups are evaluated unless a group says otherwise.
    public var evaluationInterval: PromDuration
    /// How often scrape targets are scraped unless a job says otherwise.
    public var scrapeInterval: PromDuration
    /// How long a scrape may take unless a job says otherwise; never more than `scrapeInterval`.
    public var scrapeTimeout: PromDuration
    /// The URL users reach Vigil at (for ack links and `generatorURL`); nil → derived from the
    /// listen address by the daemon.
    public var externalURL: String?
    /// Labels added to every alert Vigil sends.
    public var externalLabels: [String: String]
    /// Alertmanager's `resolve_timeout`.
    public var resolveTimeout: PromDuration
    /// How long the acknowledgement link in a notification stays valid.
    public var ackLinkExpiry: PromDuration
    /// Default SMTP relay (`host:port`) for email receivers.
    public var smtpSmarthost: String?
    /// Default sender address for email receivers.
    public var smtpFrom: String?
    /// Host name sent in SMTP `EHLO`.
    public var smtpHello: String?
    public var smtpAuthUsername: String?
    public var smtpAuthPassword: String?
    /// File holding the SMTP password (so the secret stays out of the config file).
    public var smtpAuthPasswordFile: String?
    /// Whether SMTP must use STARTTLS; true by default, as in Alertmanager.
    public var smtpRequireTLS: Bool
    /// `pagerduty_url`: the Events API v2 endpoint `pagerduty_configs` use unless they set `url`.
    public var pagerdutyURL: String = PagerDutyConfig.defaultURL
    /// `slack_api_url` / `slack_api_url_file`: the incoming webhook `slack_configs` use unless they set theirs.
    public var slackAPIURL: String?
    public var slackAPIURLFile: String?

    public init(
        evaluationInterval: PromDuration = ConfigDefaults.evaluationInterval,
        scrapeInterval: PromDuration = ConfigDefaults.scrapeInterval,
        scrapeTimeout: PromDuration = ConfigDefaults.scrapeTimeout,
        externalURL: String? = nil,
        externalLabels: [String: String] = [:],
        resolveTimeout: PromDuration = ConfigDefaults.resolveTimeout,
        ackLinkExpiry: PromDuration = PromDuration(milliseconds: 24 * 3_600_000),
        smtpSmarthost: String? = nil,
        smtpFrom: String? = nil,
        smtpHello: String? = nil,
        smtpAuthUsername: String? = nil,
        smtpAuthPassword: String? = nil,
        smtpAuthPasswordFile: String? = nil,
        smtpRequireTLS: Bool = true
    ) {
        self.evaluationInterval = evaluationInterval
        self.scrapeInterval = scrapeInterval
        self.scrapeTimeout = scrapeTimeout
        self.externalURL = externalURL
        self.externalLabels = externalLabels
        self.resolveTimeout = resolveTimeout
        self.ackLinkExpiry = ackLinkExpiry
        self.smtpSmarthost = smtpSmarthost
        self.smtpFrom = smtpFrom
        self.smtpHello = smtpHello
        self.smtpAuthUsername = smtpAuthUsername
        self.smtpAuthPassword = smtpAuthPassword
        self.smtpAuthPasswordFile = smtpAuthPasswordFile
        self.smtpRequireTLS = smtpRequireTLS
    }
}
