/// The hub score of one faculty member, from five risk parts, each mapped into [0, 1]:
///
/// - `N` = n1 / (n1 + 1), where n1 is the slots left uncovered if they alone are lost (N-1);
/// - `F` = pairs / (pairs + 2), the fatal pairs (N-2) they are part of;
/// - `S` = s / (s + 1), where s counts each rotation they are the only qualified faculty for as 1
///   and each they share with exactly one other as ½;
/// - `R` = 1 / (1 + substitutes per slot): how hard their slots are to refill (0 when they cover none);
/// - `W` = ρ / (ρ + 1), where ρ = their share of the window's faculty sessions × the faculty count
///   (1 = an average load).
///
/// score = 1 − (1 − N)(1 − 0.6·F)(1 − 0.5·S)(1 − 0.4·R)(1 − 0.2·W)
///
/// A "noisy or": each part alone can make a hub, the parts compound, and the score is in [0, 1] and
/// non-decreasing in each part (every factor is in [0, 1] and falls as its part rises). Any single
/// point of failure scores at least 0.5 on N alone; a person with no N-1 impact, no fatal pair, no
/// scarce rotation, three substitutes per slot and an average load scores 1 − 0.9 · 0.9 = 0.19.
public struct HubScore: Sendable, Hashable {
    public var n1Part: Double
    public var fatalPairPart: Double
    public var scarcityPart: Double
    public var replacementPart: Double
    public var workloadPart: Double

    /// The weights of F, S, R and W in the product (N's is 1).
    public static let weights = (fatalPairs: 0.6, scarcity: 0.5, replacement: 0.4, workload: 0.2)

    /// The formula as the report states it.
    public static let formula =
        "1 - (1 - N)(1 - 0.6F)(1 - 0.5S)(1 - 0.4R)(1 - 0.2W); N = n1/(n1+1), F = pairs/(pairs+2), "
        + "S = s/(s+1) (only-qualified rotations 1, one-of-two 0.5), R = 1/(1+substitutes per slot), "
        + "W = r/(r+1) with r = session share x faculty count"

    public init(
        n1Part: Double, fatalPairPart: Double, scarcityPart: Double, replacementPart: Double, workloadPart: Double
    ) {
        self.n1Part = n1Part
        self.fatalPairPart = fatalPairPart
        self.scarcityPart = scarcityPart
        self.replacementPart = replacementPart
        self.workloadPart = workloadPart
    }

    /// The parts from the raw figures; `substitutesPerSlot` nil means the person covers no slot.
    public init(
        n1UnfillableSlots: Int, fatalPairs: Int, scarcity: Double, substitutesPerSlot: Double?, relativeLoad: Double
    ) {
        n1Part = Self.saturating(Double(n1UnfillableSlots), half: 1)
        fatalPairPart = Self.saturating(Double(fatalPairs), half: 2)
        scarcityPart = Self.saturating(scarcity, half: 1)
        replacementPart = substitutesPerSlot.map { 1 / (1 + max(0, $0)) } ?? 0
        workloadPart = Self.saturating(relativeLoad, half: 1)
    }

    /// The combined score in [0, 1].
    public var value: Double {
        let weights = Self.weights
        let keep =
            (1 - Self.unit(n1Part)) * (1 - weights.fatalPairs * Self.unit(fatalPairPart))
            * (1 - weights.scarcity * Self.unit(scarcityPart)) * (1 - weights.replacement * Self.unit(replacementPart))
            * (1 - weights.workload * Self.unit(workloadPart))
        return min(1, max(0, 1 - keep))
    }

    /// x / (x + half): 0 at 0, ½ at `half`, towards 1 as x grows.
    static func saturating(_ value: Double, half: Double) -> Double {
        value <= 0 ? 0 : value / (value + half)
    }

    private static func unit(_ value: Double) -> Double { min(1, max(0, value)) }
}
