/// One faculty member seen as a possible hub: what the program loses with them, and how easily
/// their work is picked up by others, over one window.
public struct Hub: Sendable, Hashable {
    public var person: String
    /// The hub score in [0, 1] (see ``HubScore``) with its parts.
    public var score: Double
    public var parts: HubScore
    /// The seed system's centrality formula, kept for continuity (see ``SeedHubScore``).
    public var seedScore: Double
    /// Slots left uncovered if this person alone is lost (their N-1 figure; 0 for everyone else).
    public var n1UnfillableSlots: Int
    /// The other members of the fatal pairs (N-2) this person is part of, by id; empty when N-2 did not run.
    public var fatalPartners: [String]
    /// Rotations needing faculty in the window for which this person is one of at most two qualified
    /// faculty, by rotation id.
    public var scarceRotations: [String]
    /// Of those, the rotations this person is the only qualified faculty for.
    public var onlyQualifiedRotations: [String]
    /// Distinct rotations of the slots (needing faculty) this person covers in the window.
    public var servedRotations: Int
    /// Sessions this person is assigned in the window (suspended activities excluded).
    public var sessions: Int
    /// `sessions` / all faculty sessions in the window (0 when there are none).
    public var sessionShare: Double
    /// Distinct slots (needing faculty) this person covers.
    public var coveredSlots: Int
    /// Over those slots, the average number of other faculty who could fill the slot (qualified,
    /// present, free that half-day, with weekly room); nil when they cover no slot.
    public var substitutesPerSlot: Double?
    /// One sentence a coordinator can act on.
    public var why: String

    public var fatalPairs: Int { fatalPartners.count }
}

/// The seed system's hub formula, `0.3·services/total + 0.3·unique/total + 0.2·replacement_difficulty
/// + 0.2·workload_share`, read on Vigil's figures as: services = distinct rotations the person covers
/// (slots needing faculty) in the window; total = rotations needing faculty in the window; unique =
/// those rotations the person is the only qualified faculty for; replacement_difficulty =
/// 1 / (1 + substitutes per slot) (0 when they cover nothing); workload_share = their share of the
/// window's faculty sessions. Each term is in [0, 1], so the score is too.
public enum SeedHubScore {
    public static func value(
        services: Int, unique: Int, totalRotations: Int, substitutesPerSlot: Double?, workloadShare: Double
    ) -> Double {
        let total = Double(max(totalRotations, 1))
        let difficulty = substitutesPerSlot.map { 1 / (1 + max(0, $0)) } ?? 0
        return 0.3 * Double(services) / total + 0.3 * Double(unique) / total + 0.2 * difficulty + 0.2 * workloadShare
    }
}

/// Every faculty member's hub figures for one window, ranked by score (highest first, ties by id).
public struct HubReport: Sendable, Hashable {
    /// All faculty, ranked.
    public var ranked: [Hub]
    /// The threshold a score must exceed to count as critical.
    public var criticalThreshold: Double

    /// How many hubs score above ``criticalThreshold`` (`resilience_hubs_critical`).
    public var criticalCount: Int { ranked.filter { $0.score > criticalThreshold }.count }

    /// The first `count` of the ranking: what `/metrics` and the report show (bounded cardinality).
    public func top(_ count: Int = HubReport.shown) -> ArraySlice<Hub> { ranked.prefix(count) }

    /// How many hubs the metrics and the report show.
    public static let shown = 10

    public init(ranked: [Hub], criticalThreshold: Double) {
        self.ranked = ranked
        self.criticalThreshold = criticalThreshold
    }
}
