import VigilCore

extension ConfigReadContext {
    /// The `storage:` section.
    func readStorage(_ section: YAMLMappingReader) -> StorageConfig {
        let path = section.string("path", check: ConfigChecks.nonEmpty) ?? ConfigDefaults.storagePathInConfigDirectory
        let retention = section.duration("series_retention", check: ConfigChecks.positive)
        return StorageConfig(path: resolve(path), seriesRetention: retention)
    }

    /// The `query:` section (Prometheus' `--query.max-concurrency`, `--query.timeout`,
    /// `--query.max-samples`, `--query.lookback-delta`).
    func readQuery(_ section: YAMLMappingReader) -> QueryConfig {
        let defaults = QueryConfig()
        let positive: (Int) -> String? = { $0 > 0 ? nil : "must be greater than 0" }
        return QueryConfig(
            maxConcurrency: section.int("max_concurrency", check: positive) ?? defaults.maxConcurrency,
            timeout: section.duration("timeout", check: ConfigChecks.positive) ?? defaults.timeout,
            maxSamples: section.int("max_samples", check: positive) ?? defaults.maxSamples,
            lookbackDelta: section.duration("lookback_delta", check: ConfigChecks.positive) ?? defaults.lookbackDelta)
    }

    /// The `schedule:` section.
    func readSchedule(_ section: YAMLMappingReader) -> ScheduleConfig {
        let path = section.string("path", check: ConfigChecks.nonEmpty) ?? ConfigDefaults.schedulePathInConfigDirectory
        let horizon = section.duration("horizon", check: Self.wholeDays) ?? ConfigDefaults.scheduleHorizon
        let asOf = section.value("as_of")?.string { text in
            ScheduleAsOf(parsing: text) == nil
                ? "invalid as_of \"\(text)\": expected \"today\" or a calendar date written YYYY-MM-DD"
                : nil
        }.flatMap(ScheduleAsOf.init(parsing:))
        return ScheduleConfig(path: resolve(path), horizon: horizon, asOf: asOf ?? .today)
    }

    private static func wholeDays(_ horizon: PromDuration) -> String? {
        let day: Int64 = 86_400_000
        if horizon.milliseconds <= 0 { return "must be greater than 0" }
        if horizon.milliseconds % day != 0 { return "must be a whole number of days (e.g. 28d or 4w), got \(horizon)" }
        return nil
    }
}
