import Foundation

/// A small PromQL grammar over `DifferentialDataSet`: random, well-typed expressions that reach
/// the corners where engines differ (ranges with gaps, NaN and ±Inf through aggregations, vector
/// matching with its errors, histogram buckets, label rewriting, subqueries and offsets).
///
/// The grammar is type-directed (instant vector, scalar, range vector), so almost everything it
/// writes parses; what fails at run time (many-to-many matching, duplicate label sets) is kept,
/// because the error text is part of what the two tools must print alike.
struct PromQLGrammar {
    typealias Family = DifferentialDataSet.Family

    var random: SplitMix64

    static let ranges = ["1m", "2m", "3m", "5m", "10m", "90s"]
    static let offsets = ["1m", "5m", "-2m", "30s"]
    static let literals = ["0", "1", "2", "3", "0.5", "10", "100", "-1", "0.25", "1e3"]
    static let specialLiterals = ["NaN", "Inf", "-Inf"]
    static let groupingLabels = ["job", "instance", "code", "room", "le", "missing"]
    static let arithmetic = ["+", "-", "*", "/", "%", "^", "atan2"]
    static let comparisons = ["==", "!=", ">", "<", ">=", "<="]
    static let sets = ["and", "or", "unless"]

    // MARK: Instant vectors

    /// An instant-vector expression no deeper than `depth`, preferring series of `family` when given.
    mutating func vector(depth: Int, family: Family? = nil) -> String {
        if depth <= 0 {
            return random.chance(0.5) ? selector(family: family) : rangeFunction(depth: 0, family: family)
        }
        switch random.weighted([3, 4, 4, 2, 2, 3, 1, 1, 1, 1, 1, 1]) {
        case 0: return selector(family: family)
        case 1: return rangeFunction(depth: depth - 1, family: family)
        case 2: return aggregation(depth: depth - 1, family: family)
        case 3: return vectorBinary(depth: depth - 1, family: family)
        case 4: return scalarBinary(depth: depth - 1, family: family)
        case 5: return elementFunction(depth: depth - 1, family: family)
        case 6: return histogramQuantile(depth: depth - 1)
        case 7: return labelRewrite(depth: depth - 1, family: family)
        case 8: return "\(random.pick(["sort", "sort_desc"]))(\(vector(depth: depth - 1, family: family)))"
        case 9: return "vector(\(scalar(depth: depth - 1)))"
        case 10: return "absent(\(vector(depth: depth - 1, family: family)))"
        default: return "(\(vector(depth: depth - 1, family: family)))"
        }
    }

    /// A metric selector with up to two matchers and sometimes an offset or `@`.
    mutating func selector(family: Family? = nil, allowModifiers: Bool = true) -> String {
        let chosen = family.flatMap { random.chance(0.85) ? $0 : nil } ?? random.pick(DifferentialDataSet.families)
        var matchers: [String] = []
        for _ in 0..<random.weighted([4, 4, 2]) {
            matchers.append(matcher(in: chosen))
        }
        var text = chosen.name + (matchers.isEmpty ? "" : "{\(matchers.joined(separator: ", "))}")
        if random.chance(0.03) { text = "{\(matcher(in: chosen))}" }
        if allowModifiers { text += modifiers() }
        return text
    }

    mutating func matcher(in family: Family) -> String {
        let name = random.chance(0.9) ? random.pick(family.labelNames) : "missing"
        let values = family.labels[name] ?? ["x"]
        switch random.weighted([5, 2, 3, 2]) {
        case 0: return "\(name)=\"\(random.chance(0.9) ? random.pick(values) : "")\""
        case 1: return "\(name)!=\"\(random.pick(values))\""
        case 2: return "\(name)=~\"\(regex(values: values))\""
        default: return "\(name)!~\"\(regex(values: values))\""
        }
    }

    /// A regular expression over `values`; a `+` in a value (`+Inf`) is escaped as `\\+` in the
    /// PromQL string, except now and then, to keep the invalid-regex error in the mix.
    mutating func regex(values: [String]) -> String {
        let escapes = random.chance(0.95)
        let escape = { (text: String) in escapes ? text.replacingOccurrences(of: "+", with: #"\\+"#) : text }
        switch random.weighted([3, 2, 1, 1, 1]) {
        case 0: return random.subset(of: values, atMost: 2).map(escape).joined(separator: "|")
        case 1: return escape(String(random.pick(values).prefix(1))) + ".*"
        case 2: return ".*"
        case 3: return ".+"
        default: return ""
        }
    }

    mutating func modifiers() -> String {
        var text = ""
        if random.chance(0.12) { text += " offset \(random.pick(Self.offsets))" }
        if random.chance(0.04) { text += " @ \(random.pick(["300", "600", "0", "1200.5", "start()", "end()"]))" }
        return text
    }

    // MARK: Range vectors and their functions

    /// A range vector: a selector with a range, or now and then a subquery.
    mutating func rangeVector(depth: Int, family: Family?) -> String {
        if depth > 0 && random.chance(0.12) {
            let step = random.pick(["1m", "2m", "30s", ""])
            return "(\(vector(depth: depth - 1, family: family)))[\(random.pick(["5m", "10m", "3m"])):\(step)]"
                + modifiers()
        }
        return "\(selector(family: family, allowModifiers: false))[\(random.pick(Self.ranges))]" + modifiers()
    }

    mutating func rangeFunction(depth: Int, family: Family?) -> String {
        let range = rangeVector(depth: depth, family: family)
        switch random.weighted([12, 2, 1, 1, 1]) {
        case 0:
            let name = random.pick([
                "rate", "increase", "delta", "irate", "idelta", "changes", "resets", "deriv", "avg_over_time",
                "min_over_time", "max_over_time", "sum_over_time", "count_over_time", "last_over_time",
                "stddev_over_time", "stdvar_over_time", "present_over_time",
            ])
            return "\(name)(\(range))"
        case 1: return "quantile_over_time(\(random.pick(["0", "0.5", "0.9", "1", "1.5", "-1"])), \(range))"
        case 2: return "predict_linear(\(range), \(random.pick(["60", "0", "-30"])))"
        case 3: return "holt_winters(\(range), \(random.pick(["0.5", "0.1"])), \(random.pick(["0.5", "0.9"])))"
        default: return "absent_over_time(\(range))"
        }
    }

    // MARK: Aggregations

    mutating func aggregation(depth: Int, family: Family?) -> String {
        let argument = vector(depth: depth, family: family)
        let operation: String
        switch random.weighted([10, 2, 2, 1, 1]) {
        case 0:
            let name = random.pick(["sum", "avg", "min", "max", "count", "stddev", "stdvar", "group"])
            return grouped(name, arguments: argument)
        case 1: operation = random.pick(["topk", "bottomk"])
        case 2: operation = "quantile"
        case 3: operation = "count_values"
        default: operation = random.pick(["topk", "bottomk"])
        }
        let parameter: String
        switch operation {
        case "quantile": parameter = random.pick(["0", "0.25", "0.5", "0.9", "1", "-0.5", "1.5"])
        case "count_values": parameter = "\"\(random.pick(["value", "job", "le"]))\""
        default: parameter = random.chance(0.85) ? random.pick(["1", "2", "0", "3"]) : "scalar(\(selector()))"
        }
        return grouped(operation, arguments: "\(parameter), \(argument)")
    }

    /// `name(arguments)` with no grouping, or `by`/`without` before or after the arguments.
    mutating func grouped(_ name: String, arguments: String) -> String {
        let labels = random.subset(of: Self.groupingLabels, atMost: 2).joined(separator: ", ")
        switch random.weighted([3, 4, 2, 1]) {
        case 0: return "\(name)(\(arguments))"
        case 1: return "\(name) by (\(labels)) (\(arguments))"
        case 2: return "\(name) without (\(labels)) (\(arguments))"
        default: return "\(name)(\(arguments)) \(random.pick(["by", "without"])) (\(labels))"
        }
    }

    // MARK: Binary operators

    /// Two vectors of one family under an operator, with `on`/`ignoring`, `group_left`/`group_right`
    /// and `bool` as the operator allows.
    mutating func vectorBinary(depth: Int, family: Family?) -> String {
        let shared = family ?? random.pick(DifferentialDataSet.families)
        let left = vector(depth: depth, family: shared)
        let right = vector(depth: depth, family: random.chance(0.85) ? shared : nil)
        let kind = random.weighted([4, 3, 2])
        let operation =
            kind == 0
            ? random.pick(Self.arithmetic) : kind == 1 ? random.pick(Self.comparisons) : random.pick(Self.sets)
        var modifiers = kind == 1 && random.chance(0.4) ? " bool" : ""
        let labels = random.subset(of: Self.groupingLabels, atMost: 2).joined(separator: ", ")
        switch random.weighted([3, 4, 3]) {
        case 0: break
        case 1: modifiers += " on(\(labels))"
        default: modifiers += " ignoring(\(labels))"
        }
        if kind != 2 && modifiers.contains("(") && random.chance(0.4) {
            let side = random.pick(["group_left", "group_right"])
            modifiers += random.chance(0.4) ? " \(side)" : " \(side)(\(random.pick(["", "code", "room", "le"])))"
        }
        return "\(left) \(operation)\(modifiers) \(right)"
    }

    /// A vector and a scalar under an arithmetic or comparison operator, either way round.
    mutating func scalarBinary(depth: Int, family: Family?) -> String {
        let vector = self.vector(depth: depth, family: family)
        let scalar = self.scalar(depth: max(0, depth - 1))
        let comparison = random.chance(0.45)
        var operation = comparison ? random.pick(Self.comparisons) : random.pick(Self.arithmetic)
        if comparison && random.chance(0.4) { operation += " bool" }
        return random.chance(0.7) ? "\(vector) \(operation) \(scalar)" : "\(scalar) \(operation) \(vector)"
    }

    // MARK: Functions

    mutating func elementFunction(depth: Int, family: Family?) -> String {
        let argument = vector(depth: depth, family: family)
        switch random.weighted([6, 2, 2, 1, 2, 1, 1]) {
        case 0:
            let name = random.pick([
                "abs", "ceil", "floor", "round", "sqrt", "ln", "log2", "log10", "exp", "sgn", "timestamp", "minute",
                "hour", "day_of_week", "days_in_month", "year", "deg", "sin", "acosh",
            ])
            return "\(name)(\(argument))"
        case 1: return "round(\(argument), \(random.pick(["0.5", "10", "0.1", "-1", "0"])))"
        case 2: return "clamp_min(\(argument), \(scalar(depth: 0)))"
        case 3: return "clamp_max(\(argument), \(scalar(depth: 0)))"
        case 4: return "clamp(\(argument), \(scalar(depth: 0)), \(scalar(depth: 0)))"
        case 5: return "-\(argument)"
        default: return "-(\(argument))"
        }
    }

    mutating func histogramQuantile(depth: Int) -> String {
        let quantile = random.pick(["0", "0.1", "0.5", "0.9", "0.99", "1", "-0.5", "1.5", "NaN"])
        let buckets: String
        switch random.weighted([4, 2, 2, 1]) {
        case 0:
            let by = random.pick(["le", "le, job", "job, le"])
            buckets = "sum by (\(by)) (rate(latency_seconds_bucket[\(random.pick(["2m", "5m", "10m"]))]))"
        case 1: buckets = rangeFunction(depth: depth, family: DifferentialDataSet.latency)
        case 2: buckets = selector(family: DifferentialDataSet.latency)
        default: buckets = vector(depth: depth, family: DifferentialDataSet.latency)
        }
        return "histogram_quantile(\(quantile), \(buckets))"
    }

    mutating func labelRewrite(depth: Int, family: Family?) -> String {
        let argument = vector(depth: depth, family: family)
        if random.chance(0.3) {
            let sources = random.subset(of: Self.groupingLabels, atMost: 3).map { "\"\($0)\"" }
            let separator = random.pick(["-", "", ":"])
            return "label_join(\(argument), \"\(random.pick(["dst", "job"]))\", \"\(separator)\""
                + sources.map { ", \($0)" }.joined() + ")"
        }
        let destination = random.pick(["dst", "job", "room", "instance"])
        let replacement = random.pick(["$1", "${1}x", "x-$1", "", "fixed", "$1x", "$2"])
        let source = random.pick(Self.groupingLabels)
        let regex = random.pick(["(.*)", "i(.)", "(a)(p)i", "", ".*", "(.+)", "(.)(.*)"])
        return "label_replace(\(argument), \"\(destination)\", \"\(replacement)\", \"\(source)\", \"\(regex)\")"
    }

    // MARK: Scalars

    mutating func scalar(depth: Int) -> String {
        if depth <= 0 || random.chance(0.5) {
            return random.chance(0.06) ? random.pick(Self.specialLiterals) : random.pick(Self.literals)
        }
        switch random.weighted([3, 1, 2]) {
        case 0: return "scalar(\(vector(depth: depth - 1)))"
        case 1: return "time()"
        default:
            let comparison = random.chance(0.25)
            let operation = comparison ? random.pick(Self.comparisons) + " bool" : random.pick(Self.arithmetic)
            return "(\(scalar(depth: depth - 1)) \(operation) \(scalar(depth: depth - 1)))"
        }
    }
}
