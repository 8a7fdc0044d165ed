import Resilience

/// The method's "verify": has the program recovered? Recovered means the defense level is at
/// most ORANGE, coverage is at least 95% and no critical ACGME violation stands; the incident
/// resolves once that has held for the configured time and its alerts have resolved.
public enum Verifier {
    /// One check of the engine's report.
    public struct Verdict: Sendable, Equatable {
        public var recovered: Bool
        /// What holds or fails, in words.
        public var findings: [String]

        public init(recovered: Bool, findings: [String]) {
            self.recovered = recovered
            self.findings = findings
        }
    }

    public static let minimumCoverage = 0.95

    public static func check(_ report: ResilienceReport?) -> Verdict {
        guard let report else {
            return Verdict(recovered: false, findings: ["no schedule is loaded to verify against"])
        }
        let checks: [(holds: Bool, text: String)] = [
            (report.defense.level <= .orange, "defense level \(report.defense.level) (at most ORANGE)"),
            (
                report.coverage.rate >= minimumCoverage,
                "coverage \(Orienter.percent(report.coverage.rate)) (at least 95%)"
            ),
            (report.acgme.criticalCount == 0, "\(report.acgme.criticalCount) critical ACGME violations (none)"),
        ]
        let failed = checks.filter { !$0.holds }.map(\.text)
        let held = checks.filter(\.holds).map(\.text)
        return Verdict(recovered: failed.isEmpty, findings: failed.isEmpty ? held : failed)
    }
}
