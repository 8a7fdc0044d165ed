import VigilCore

extension ConfigReadContext {
    /// `scrape_configs:`; job names must be unique, timeouts not beyond intervals.
    func readScrapeConfigs(_ root: YAMLMappingReader, global: GlobalConfig) -> [ScrapeConfig] {
        var names = YAMLUniqueNames("job_name")
        return root.sequence("scrape_configs") { item in
            item.mapping { job in
                let name = job.required("job_name")?.string(check: ConfigChecks.nonEmpty)
                if let name, let nameValue = job.value("job_name") { names.claim(name, at: nameValue) }
                return readScrapeConfig(job, name: name ?? "", global: global)
            }
        } ?? []
    }

    private func readScrapeConfig(_ job: YAMLMappingReader, name: String, global: GlobalConfig) -> ScrapeConfig {
        var config = ScrapeConfig(jobName: name)
        config.scrapeInterval = job.duration("scrape_interval", check: ConfigChecks.positive)
        config.scrapeTimeout = job.duration("scrape_timeout", check: ConfigChecks.positive)
        let interval = config.effectiveScrapeInterval(global: global)
        if let timeout = config.scrapeTimeout, timeout > interval {
            job.report(
                "scrape_timeout (\(timeout)) must not be greater than the job's scrape interval (\(interval))",
                at: "scrape_timeout")
            config.scrapeTimeout = nil
        }
        config.metricsPath =
            job.string("metrics_path") { $0.hasPrefix("/") ? nil : "metrics_path must start with \"/\"" }
            ?? config.metricsPath
        config.params =
            job.mapping("params") { params in
                var result: [String: [String]] = [:]
                for entry in params.allEntries() {
                    result[entry.name] = entry.value.stringList() ?? []
                }
                return result
            } ?? [:]
        config.scheme =
            job.string("scheme") { ["http", "https"].contains($0) ? nil : "scheme must be http or https" }
            ?? config.scheme
        config.honorLabels = job.bool("honor_labels") ?? config.honorLabels
        config.staticConfigs =
            job.sequence("static_configs") { item in
                item.mapping { group in
                    StaticConfig(
                        targets: group.stringList("targets", check: ConfigChecks.hostPort) ?? [],
                        labels: group.stringMap("labels", keyCheck: ConfigChecks.labelName) ?? [:])
                }
            } ?? []
        return config
    }
}
