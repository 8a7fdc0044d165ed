import PromQL
import Rules
import TimeSeries
import VigilCore

/// Builds rules and series for the state-machine tests without going through the file parser.
enum RuleFixtures {
    static let minute: Int64 = 60_000

    static func alert(
        _ name: String, _ expression: String, for hold: Int64 = 0, keepFiringFor: Int64 = 0,
        labels: [String: String] = [:], annotations: [String: String] = [:]
    ) throws -> RuleDefinition {
        RuleDefinition(
            kind: .alerting, name: name, expression: try PromQLParser.parse(expression), expressionText: expression,
            holdDuration: hold, keepFiringFor: keepFiringFor, labels: Labels(labels),
            annotations: Labels(annotations), location: .wholeFile("test.yml"))
    }

    static func record(_ name: String, _ expression: String, labels: [String: String] = [:]) throws -> RuleDefinition {
        RuleDefinition(
            kind: .recording, name: name, expression: try PromQLParser.parse(expression), expressionText: expression,
            labels: Labels(labels), location: .wholeFile("test.yml"))
    }

    /// A store holding `series` (text like `x{a="1"}`) with `values[i]` at minute i; nil leaves a gap.
    static func store(_ series: [String: [Double?]]) throws -> SeriesStore {
        let store = SeriesStore()
        for (text, values) in series {
            let labels = try labels(text)
            for (index, value) in values.enumerated() {
                if let value { store.append(labels, Sample(timestamp: Int64(index) * minute, value: value)) }
            }
        }
        return store
    }

    static func labels(_ text: String) throws -> Labels {
        Labels(try PromQLParser.parseMetricSelector(text).map { Label($0.name, $0.value) })
    }

    /// The instant vector `expression` at `time`, sorted by labels.
    static func query(_ expression: String, at time: Int64, _ store: SeriesStore) throws -> [VectorSample] {
        let context = RuleEvaluationContext(store: store)
        return try context.vector(PromQLParser.parse(expression), at: time).sorted { $0.labels < $1.labels }
    }
}
