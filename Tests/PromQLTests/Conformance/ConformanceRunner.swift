import PromQL
import TimeSeries

/// Runs a ``PromQLTestScript`` as Prometheus' `promql/test.go` (2.42) runs it: each `eval` as an
/// instant query, then as a range query from one minute before to one minute after with a one-minute
/// step (compared at the middle step, except for `eval_ordered`), and again with `@` pinned on its
/// selectors at other times (``AtModifierVariants``). An eval passes when all of those do.
struct ConformanceRunner {
    struct Outcome {
        var line: Int
        var expression: String
        var passed: Bool
        /// Why it failed: which query, what was expected and what came back.
        var message: String
    }

    /// Prometheus' test engine: 10000 samples at most, one-minute default subquery step.
    static let engine = QueryEngine(
        options: QueryOptions(
            lookbackDelta: 300_000, defaultSubqueryStep: 60_000, maxSamples: 10_000, timeout: .seconds(100)))

    static func run(_ script: PromQLTestScript) -> [Outcome] {
        var store = SeriesStore()
        var outcomes: [Outcome] = []
        for command in script.commands {
            switch command {
            case .clear:
                store = SeriesStore()
            case .load(let interval, let series):
                load(series, every: interval, into: store)
            case .eval(let evaluation):
                let failure = check(evaluation, on: store)
                outcomes.append(
                    Outcome(
                        line: evaluation.line, expression: evaluation.expression, passed: failure == nil,
                        message: failure ?? ""))
            }
        }
        return outcomes
    }

    /// Values at 0, interval, 2·interval…; `_` leaves a gap, `stale` writes the staleness marker. A
    /// series written twice in one block keeps its last definition, as in Prometheus.
    private static func load(
        _ series: [(labels: Labels, values: [SeriesValue])], every interval: Int64, into store: SeriesStore
    ) {
        var definitions: [Labels: [SeriesValue]] = [:]
        var order: [Labels] = []
        for (labels, values) in series {
            if definitions.updateValue(values, forKey: labels) == nil { order.append(labels) }
        }
        for labels in order {
            for (index, value) in (definitions[labels] ?? []).enumerated() {
                let time = Int64(index) * interval
                switch value {
                case .missing: continue
                case .value(let number): store.append(labels, Sample(timestamp: time, value: number))
                case .stale: store.append(labels, Sample(timestamp: time, value: StaleMarker.value))
                }
            }
        }
    }

    /// nil when the evaluation behaves as expected, else the reason.
    private static func check(_ evaluation: PromQLTestScript.Evaluation, on store: SeriesStore) -> String? {
        if let problem = evaluation.problem { return "unreadable block: \(problem)" }
        let expr: Expr
        do {
            expr = try PromQLParser.parse(evaluation.expression)
        } catch {
            return evaluation.mustFail ? nil : "parse error: \(error)"
        }
        let queries = [(expr, evaluation.time)] + AtModifierVariants.cases(expr, at: evaluation.time)
        for (query, time) in queries {
            let label = query == expr ? "instant at \(time)ms" : "\(query) at \(time)ms"
            let result: QueryValue
            do {
                result = try engine.instant(query, at: time, on: store)
            } catch {
                if evaluation.mustFail { continue }
                return "\(label): error \(error)"
            }
            if evaluation.mustFail { return "\(label): expected an error, got \(describe(result))" }
            if let mismatch = compare(result, evaluation) { return "\(label): \(mismatch)" }
            let ranged: QueryValue
            do {
                ranged = try engine.range(query, start: time - 60_000, end: time + 60_000, step: 60_000, on: store)
            } catch {
                return "\(label) in range mode: error \(error)"
            }
            if evaluation.ordered { continue }
            guard case .matrix(let series) = ranged else { return "\(label) in range mode: not a matrix" }
            var middle: [VectorSample] = []
            for item in series {
                if let point = item.samples.first(where: { $0.timestamp == time }) {
                    middle.append(VectorSample(labels: item.labels, timestamp: time, value: point.value))
                }
            }
            let asInstant: QueryValue
            if case .scalar = result {
                guard let first = middle.first else { return "\(label) in range mode: no scalar at the middle step" }
                asInstant = .scalar(Sample(timestamp: time, value: first.value))
            } else {
                asInstant = .vector(middle)
            }
            if let mismatch = compare(asInstant, evaluation) { return "\(label) in range mode: \(mismatch)" }
        }
        return nil
    }

    /// Prometheus' `compareResult`.
    static func compare(_ result: QueryValue, _ evaluation: PromQLTestScript.Evaluation) -> String? {
        switch result {
        case .matrix: return "received range result on instant evaluation"
        case .string: return "unexpected string result"
        case .scalar(let sample):
            guard let expected = evaluation.scalar else {
                return "expected \(evaluation.expected.count) samples, got scalar \(sample.value)"
            }
            return almostEqual(expected, sample.value) ? nil : "expected scalar \(expected), got \(sample.value)"
        case .vector(let vector):
            var seen: Set<Labels> = []
            for (position, sample) in vector.enumerated() {
                guard let expected = evaluation.expected[sample.labels] else {
                    return "unexpected \(sample.labels) \(sample.value) in result \(describe(result))"
                }
                if evaluation.ordered && expected.position != position + 1 {
                    return "expected \(sample.labels) at position \(expected.position), got it at \(position + 1)"
                }
                if !almostEqual(expected.value, sample.value) {
                    return "expected \(expected.value) for \(sample.labels), got \(sample.value)"
                }
                seen.insert(sample.labels)
            }
            if evaluation.scalar != nil { return "expected a scalar, got \(describe(result))" }
            for labels in evaluation.expected.keys where !seen.contains(labels) {
                return "expected \(labels) not found in result \(describe(result))"
            }
            return nil
        }
    }

    /// Prometheus' `almostEqual`: relative error below 1e-6, NaN equal to NaN.
    static func almostEqual(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN && b.isNaN { return true }
        if a == b { return true }
        let minNormal = Double(bitPattern: 0x0010_0000_0000_0000)
        let difference = (a - b).magnitude
        if a == 0 || b == 0 || difference < minNormal { return difference < 1e-6 * minNormal }
        return difference / (a.magnitude + b.magnitude) < 1e-6
    }

    static func describe(_ value: QueryValue) -> String {
        switch value {
        case .scalar(let sample): return "scalar \(sample.value)"
        case .string(let text, _): return "string \(text)"
        case .vector(let vector):
            return "{" + vector.map { "\($0.labels) \($0.value)" }.joined(separator: "; ") + "}"
        case .matrix(let series): return "matrix of \(series.count) series"
        }
    }
}
