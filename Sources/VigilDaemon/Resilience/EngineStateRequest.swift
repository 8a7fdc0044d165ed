import Foundation
import Resilience
import Server

/// The body of `PUT /api/v1/resilience/state`, checked field by field:
/// `{"load_shedding_level": 0…5 or a name (NORMAL … CRITICAL), "active_fallback": "holiday_skeleton" | null}`.
///
/// A field left out keeps its current value; `"active_fallback": null` deactivates the fallback.
/// Every problem names its field, and unknown fields are refused (a misspelt
/// `load_sheding_level` must not silently do nothing).
enum EngineStateRequest {
    static let levelField = "load_shedding_level"
    static let fallbackField = "active_fallback"

    /// What a body asks for.
    enum Outcome: Sendable {
        /// The state to put in force.
        case state(EngineState)
        /// Every problem found; nothing may change.
        case invalid([InputProblem])
    }

    /// The state `body` asks for, starting from `current`; or every problem found.
    static func parse(_ body: [UInt8], current: EngineState) -> Outcome {
        let fields: Fields
        do {
            fields = try JSONDecoder().decode(Fields.self, from: Data(body))
        } catch {
            return .invalid([
                InputProblem(
                    path: "",
                    message: "expected a JSON object such as {\"\(levelField)\": 2, \"\(fallbackField)\": null}")
            ])
        }
        guard fields.problems.isEmpty else { return .invalid(fields.problems) }
        guard fields.level != nil || fields.fallback != nil else {
            return .invalid([InputProblem(path: "", message: "expected \(levelField) or \(fallbackField) (or both)")])
        }
        var state = current
        if let level = fields.level { state.sheddingLevel = level }
        if let fallback = fields.fallback { state.activeFallback = fallback }
        return .state(state)
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The fields present, decoded without stopping at the first problem.
    private struct Fields: Decodable {
        var level: LoadSheddingLevel?
        /// nil: absent; `.some(nil)`: null (deactivate).
        var fallback: FallbackScenario??
        var problems: [InputProblem] = []

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            let known = [levelField, fallbackField]
            for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue })
            where !known.contains(key.stringValue) {
                problems.append(
                    InputProblem(
                        path: key.stringValue,
                        message: "unknown field (known fields: \(known.joined(separator: ", ")))"))
            }
            let levelKey = Key(stringValue: levelField)
            if container.contains(levelKey) {
                if let number = try? container.decode(Int.self, forKey: levelKey) {
                    level = LoadSheddingLevel(rawValue: number)
                } else if let text = try? container.decode(String.self, forKey: levelKey) {
                    level = LoadSheddingLevel(parsing: text)
                }
                if level == nil {
                    let names = LoadSheddingLevel.allCases.map { "\($0.rawValue) \($0)" }.joined(separator: ", ")
                    problems.append(
                        InputProblem(path: levelField, message: "must be a level from 0 to 5 or its name (\(names))"))
                }
            }
            let fallbackKey = Key(stringValue: fallbackField)
            if container.contains(fallbackKey) {
                if (try? container.decodeNil(forKey: fallbackKey)) == true {
                    fallback = .some(nil)
                } else if let name = try? container.decode(String.self, forKey: fallbackKey),
                    let scenario = FallbackScenario(rawValue: name)
                {
                    fallback = .some(scenario)
                } else {
                    let names = FallbackScenario.allCases.map(\.rawValue).joined(separator: ", ")
                    problems.append(InputProblem(path: fallbackField, message: "must be null or one of \(names)"))
                }
            }
        }
    }
}
