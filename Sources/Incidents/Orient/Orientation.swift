/// How an incident's failure can be classified, as the program's method names the failure modes.
public enum FailureMode: String, Sendable, Codable, CaseIterable {
    case overCapacity = "over_capacity"
    case massAbsence = "mass_absence"
    case coverageGap = "coverage_gap"
    case acgmeViolation = "acgme_violation"
    case contingencyFailure = "contingency_failure"
    case recentChange = "recent_change"
    case infrastructure
}

/// One candidate explanation with the evidence for it; ``confidence`` ranks the candidates.
public struct Hypothesis: Sendable, Equatable, Codable {
    public var mode: FailureMode
    /// 0…1.
    public var confidence: Double
    public var evidence: [String]

    public init(mode: FailureMode, confidence: Double, evidence: [String]) {
        self.mode = mode
        self.confidence = confidence
        self.evidence = evidence
    }
}

/// The method's "orient" step, done by the machine and reviewed by a person: ranked hypotheses and
/// the blast radius (who, which rotations, which dates are touched).
public struct Orientation: Sendable, Equatable, Codable {
    public struct BlastRadius: Sendable, Equatable, Codable {
        public var people: [String]
        public var rotations: [String]
        public var dates: [String]
    }

    /// Most likely first.
    public var hypotheses: [Hypothesis]
    public var blastRadius: BlastRadius

    /// The most likely failure mode, if any evidence points anywhere.
    public var leading: FailureMode? { hypotheses.first?.mode }
}
