/// One 0–100 figure for dashboards (`resilience_health_score`, the seed system's name): how well the
/// program stands today and how well it would stand a blow.
///
/// `0.5·D + 0.3·(100 − cascade risk) + 0.2·R`, where D is the defense level on a 100 (GREEN) …
/// 0 (BLACK) scale and R the share of the worst single loss a repair restores, in percent. Higher
/// is healthier; each part is reported beside it so the number is never a mystery.
public struct HealthScore: Sendable, Hashable {
    public var value: Double
    public var defensePart: Double
    public var cascadePart: Double
    public var recoveryPart: Double

    public static let formula =
        "0.5·defense + 0.3·(100 − cascade_failure_risk) + 0.2·recoverable share of the worst loss"

    public init(level: DefenseLevel, cascade: Cascade, recovery: RecoveryDistance) {
        defensePart =
            100 * Double(DefenseLevel.black.rawValue - level.rawValue)
            / Double(DefenseLevel.black.rawValue - DefenseLevel.green.rawValue)
        cascadePart = 100 - cascade.risk
        recoveryPart = 100 * recovery.recoverableShare
        value = min(100, max(0, 0.5 * defensePart + 0.3 * cascadePart + 0.2 * recoveryPart))
    }
}
