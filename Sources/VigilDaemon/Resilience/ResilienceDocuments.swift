import Foundation
import Resilience
import Schedule

/// The JSON the resilience routes answer with, snake_case keys throughout.
enum DaemonJSON {
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "+Inf", negativeInfinity: "-Inf", nan: "NaN")
        return Array((try? encoder.encode(value)) ?? Data("null".utf8))
    }
}

/// A numbered level with its name (`{"level": 3, "name": "ORANGE"}`).
struct NamedLevel: Encodable, Equatable {
    let level: Int
    let name: String
}

/// The window `{"from": "2026-09-14", "days": 28}`.
struct WindowDocument: Encodable, Equatable {
    let from: String
    let days: Int

    init(_ window: ScheduleWindow) {
        from = window.from.description
        days = window.days
    }
}

/// What a coordinator reads first: the defense level, utilization, coverage, N-1/N-2 and the
/// load shedding in force; part of the schedule summary.
struct ResilienceHeadline: Encodable {
    struct UtilizationDocument: Encodable {
        let rate: Double
        let level: Int
        let name: String
    }

    let window: WindowDocument
    let defenseLevel: NamedLevel
    let utilization: UtilizationDocument
    let coverageRate: Double
    let coverageGapSlots: Int
    let n1Compliant: Bool
    /// nil when N-2 was not computed (`resilience.n2: false`).
    let n2Compliant: Bool?
    let loadSheddingLevel: NamedLevel
    let activeFallback: String?

    init(_ report: ResilienceReport) {
        window = WindowDocument(report.window)
        defenseLevel = NamedLevel(level: report.defense.level.rawValue, name: report.defense.level.description)
        utilization = UtilizationDocument(
            rate: report.utilization.rate, level: report.utilization.level.rawValue,
            name: report.utilization.level.description)
        coverageRate = report.coverage.rate
        coverageGapSlots = report.coverage.gapSlots
        n1Compliant = report.contingency.n1.compliant
        n2Compliant = report.contingency.n2?.compliant
        loadSheddingLevel = NamedLevel(level: report.shedding.level.rawValue, name: report.shedding.level.description)
        activeFallback = report.state.activeFallback?.rawValue
    }

    enum CodingKeys: String, CodingKey {
        case window, utilization
        case defenseLevel = "defense_level"
        case coverageRate = "coverage_rate"
        case coverageGapSlots = "coverage_gap_slots"
        case n1Compliant = "n1_compliant"
        case n2Compliant = "n2_compliant"
        case loadSheddingLevel = "load_shedding_level"
        case activeFallback = "active_fallback"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(window, forKey: .window)
        try container.encode(defenseLevel, forKey: .defenseLevel)
        try container.encode(utilization, forKey: .utilization)
        try container.encode(coverageRate, forKey: .coverageRate)
        try container.encode(coverageGapSlots, forKey: .coverageGapSlots)
        try container.encode(n1Compliant, forKey: .n1Compliant)
        try container.encode(n2Compliant, forKey: .n2Compliant)
        try container.encode(loadSheddingLevel, forKey: .loadSheddingLevel)
        try container.encode(activeFallback, forKey: .activeFallback)
    }
}

/// `GET /api/v1/resilience/state`: the same field names `PUT` takes, plus who set them and when.
struct EngineStateDocument: Encodable {
    let state: EngineState
    let change: (actor: String, at: Date)?

    enum CodingKeys: String, CodingKey {
        case loadSheddingLevel = "load_shedding_level"
        case loadSheddingName = "load_shedding_name"
        case suspendedCategories = "suspended_categories"
        case activeFallback = "active_fallback"
        case updatedAt = "updated_at"
        case updatedBy = "updated_by"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state.sheddingLevel.rawValue, forKey: .loadSheddingLevel)
        try container.encode(state.sheddingLevel.description, forKey: .loadSheddingName)
        let suspended = state.sheddingLevel.suspendedCategories.union(state.activeFallback?.suspendedCategories ?? [])
        try container.encode(suspended.map(\.rawValue).sorted(), forKey: .suspendedCategories)
        try container.encode(state.activeFallback?.rawValue, forKey: .activeFallback)
        try container.encode(change?.at, forKey: .updatedAt)
        try container.encode(change?.actor, forKey: .updatedBy)
    }
}
