import TimeSeries

/// A binary operator between two instant vectors, step by step: the set operators `and`/`or`/
/// `unless`, and arithmetic or comparison with one-to-one, many-to-one or one-to-many matching,
/// with Prometheus' result labels and errors. Each series' match signature (its labels restricted
/// by `on`/`ignoring`) is hashed once and numbered, so the steps compare small integers.
struct VectorMatcher {
    let op: BinaryOperator
    let matching: VectorMatching
    let returnBool: Bool
    let lhs: [SeriesSamples]
    let rhs: [SeriesSamples]
    private let lhsSignatures: [Int]
    private let rhsSignatures: [Int]
    private let signatureCount: Int
    private let matchingNames: Set<String>
    private let includeNames: [String]
    private var resultLabels: [Int: Labels] = [:]

    init(op: BinaryOperator, matching: VectorMatching, returnBool: Bool, lhs: [SeriesSamples], rhs: [SeriesSamples]) {
        self.op = op
        self.matching = matching
        self.returnBool = returnBool
        self.lhs = lhs
        self.rhs = rhs
        matchingNames = Set(matching.labels)
        includeNames = matching.include
        var numbers: [Labels: Int] = [:]
        let on = matching.on
        let ignored = matchingNames.union([Label.metricName])
        let keptNames = matchingNames
        func number(_ labels: Labels) -> Int {
            let signature = on ? labels.keeping(keptNames) : labels.removing(ignored)
            if let existing = numbers[signature] { return existing }
            numbers[signature] = numbers.count
            return numbers.count - 1
        }
        lhsSignatures = lhs.map { number($0.labels) }
        rhsSignatures = rhs.map { number($0.labels) }
        signatureCount = numbers.count
    }

    mutating func evaluate(_ grid: EvalGrid, deadline: ContinuousClock.Instant) throws(QueryError) -> [SeriesSamples] {
        if lhs.isEmpty && rhs.isEmpty { return [] }
        var leftCursor = StepCursor(lhs)
        var rightCursor = StepCursor(rhs)
        var left: [(index: Int, value: Double)] = []
        var right: [(index: Int, value: Double)] = []
        var assembler = SeriesAssembler()
        var scratch = Scratch(count: signatureCount)
        for step in 0..<grid.count {
            if step & 63 == 63 && ContinuousClock.now >= deadline { throw .timeout("expression evaluation") }
            let time = grid.time(step)
            leftCursor.gather(at: time, into: &left)
            rightCursor.gather(at: time, into: &right)
            switch op {
            case .and:
                guard !left.isEmpty && !right.isEmpty else { continue }
                for element in right { scratch.mark[rhsSignatures[element.index]] = step }
                for element in left where scratch.mark[lhsSignatures[element.index]] == step {
                    try assembler.add(lhs[element.index].labels, time, element.value)
                }
            case .or:
                for element in left {
                    scratch.mark[lhsSignatures[element.index]] = step
                    try assembler.add(lhs[element.index].labels, time, element.value)
                }
                for element in right where scratch.mark[rhsSignatures[element.index]] != step {
                    try assembler.add(rhs[element.index].labels, time, element.value)
                }
            case .unless:
                for element in right { scratch.mark[rhsSignatures[element.index]] = step }
                for element in left where scratch.mark[lhsSignatures[element.index]] != step {
                    try assembler.add(lhs[element.index].labels, time, element.value)
                }
            default:
                guard !left.isEmpty && !right.isEmpty else { continue }
                try match(left, right, step: step, time: time, grid: grid, scratch: &scratch, into: &assembler)
            }
        }
        return assembler.series
    }

    /// Per-signature bookkeeping reused across steps: a slot is current when it holds the step number.
    private struct Scratch {
        var mark: [Int]
        var oneStep: [Int]
        var onePosition: [Int]
        var matchedStep: [Int]
        var matchedLabels: [Int: Set<Labels>] = [:]

        init(count: Int) {
            mark = Array(repeating: -1, count: count)
            oneStep = Array(repeating: -1, count: count)
            onePosition = Array(repeating: 0, count: count)
            matchedStep = Array(repeating: -1, count: count)
        }
    }

    private mutating func match(
        _ left: [(index: Int, value: Double)], _ right: [(index: Int, value: Double)], step: Int, time: Int64,
        grid: EvalGrid, scratch: inout Scratch, into assembler: inout SeriesAssembler
    ) throws(QueryError) {
        // The "one" side is the right one, except with group_right.
        let swapped = matching.cardinality == .oneToMany
        let (many, one) = swapped ? (right, left) : (left, right)
        let (manySeries, oneSeries) = swapped ? (rhs, lhs) : (lhs, rhs)
        let (manySignatures, oneSignatures) = swapped ? (rhsSignatures, lhsSignatures) : (lhsSignatures, rhsSignatures)
        for (position, element) in one.enumerated() {
            let signature = oneSignatures[element.index]
            if scratch.oneStep[signature] == step {
                let earlier = oneSeries[one[scratch.onePosition[signature]].index].labels
                throw duplicateError(oneSeries[element.index].labels, earlier, side: swapped ? "left" : "right")
            }
            scratch.oneStep[signature] = step
            scratch.onePosition[signature] = position
        }
        if matching.cardinality != .oneToOne { scratch.matchedLabels.removeAll(keepingCapacity: true) }
        for element in many {
            let signature = manySignatures[element.index]
            guard scratch.oneStep[signature] == step else { continue }
            let partner = one[scratch.onePosition[signature]]
            let (leftValue, rightValue) = swapped ? (partner.value, element.value) : (element.value, partner.value)
            var (value, keep) = GoArithmetic.apply(op, leftValue, rightValue)
            if returnBool {
                value = keep ? 1 : 0
            } else if !keep {
                continue
            }
            var labels = resultMetric(
                many: element.index, manySeries[element.index].labels, one: partner.index,
                oneSeries[partner.index].labels, cache: grid.count > 1, oneCount: oneSeries.count)
            if returnBool { labels = labels.droppingMetricName }
            if matching.cardinality == .oneToOne {
                if scratch.matchedStep[signature] == step {
                    throw .execution(
                        "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
                }
                scratch.matchedStep[signature] = step
            } else if !scratch.matchedLabels[signature, default: []].insert(labels).inserted {
                throw .execution("multiple matches for labels: grouping labels must ensure unique matches")
            }
            try assembler.add(labels, time, value)
        }
    }

    /// The labels of a result: the "many" side's, without the name for arithmetic, restricted by
    /// `on`/`ignoring` for one-to-one matching, with the `group_x` labels taken from the "one" side.
    private mutating func resultMetric(
        many manyIndex: Int, _ manyLabels: Labels, one oneIndex: Int, _ oneLabels: Labels, cache: Bool, oneCount: Int
    ) -> Labels {
        let key = manyIndex * oneCount + oneIndex
        if cache, let known = resultLabels[key] { return known }
        var labels = manyLabels
        if GoArithmetic.dropsMetricName(op) { labels = labels.droppingMetricName }
        if matching.cardinality == .oneToOne {
            labels = matching.on ? labels.keeping(matchingNames) : labels.removing(matchingNames)
        }
        for name in includeNames {
            labels = labels.setting(name, to: oneLabels[name] ?? "")
        }
        if cache { resultLabels[key] = labels }
        return labels
    }

    private func duplicateError(_ current: Labels, _ earlier: Labels, side: String) -> QueryError {
        let group =
            matching.on ? current.keeping(matchingNames) : current.removing(matchingNames.union([Label.metricName]))
        return .execution(
            "found duplicate series for the match group \(LabelsText.go(group)) on the \(side) hand-side of the "
                + "operation: [\(LabelsText.go(current)), \(LabelsText.go(earlier))];many-to-many matching not allowed: "
                + "matching labels must be unique on one side")
    }
}
