extension ResilienceReport {
    /// `schedule_violations_total{violation_type}` as one evaluation sees it: the violations of
    /// each rule in this report. (The daemon keeps the real counter, which only grows when a new
    /// violation appears; an offline report has only this one evaluation to count.)
    public func violationCounts() -> [ResilienceSample] {
        acgme.countsByRule.sorted { $0.key < $1.key }.map { rule, count in
            ResilienceSample(
                name: "schedule_violations_total", labels: [("violation_type", rule.rawValue)], value: Double(count),
                kind: .counter, help: "ACGME violations detected, by rule.")
        }
    }
}
