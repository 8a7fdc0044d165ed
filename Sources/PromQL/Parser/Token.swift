/// The kinds of token PromQL's lexer produces, grouped as Prometheus groups them, because error
/// messages describe a token by its group (`<op:+>`, `<aggr:sum>`, `<by>`, `identifier "x"`).
enum TokenKind: UInt8, Sendable {
    case eof, error, identifier, metricIdentifier, number, string, duration
    case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket, comma, equal, colon
    case blank, times, space
    // Operators.
    case add, sub, mul, div, mod, pow, equalEqual, notEqual, lessOrEqual, less, greaterOrEqual, greater
    case equalRegex, notEqualRegex, and, or, unless, atan2, at
    // Aggregators.
    case avg, bottomk, count, countValues, group, max, min, quantile, stddev, stdvar, sum, topk
    // Keywords.
    case bool, by, groupLeft, groupRight, ignoring, offset, on, without
    // `@` preprocessors.
    case start, end

    var isOperator: Bool { rawValue >= TokenKind.add.rawValue && rawValue <= TokenKind.at.rawValue }
    var isAggregator: Bool { rawValue >= TokenKind.avg.rawValue && rawValue <= TokenKind.topk.rawValue }
    var isKeyword: Bool { rawValue >= TokenKind.bool.rawValue && rawValue <= TokenKind.without.rawValue }

    /// The keyword token a word stands for (matched case-insensitively; `inf` and `nan` are numbers).
    static func keyword(_ word: ArraySlice<UInt8>) -> TokenKind? {
        guard word.count >= 2 && word.count <= 12 else { return nil }
        for (text, kind) in keywords where text.count == word.count {
            if zip(text, word).allSatisfy({ $0 == ($1 | ($1 >= 0x41 && $1 <= 0x5A ? 0x20 : 0)) }) { return kind }
        }
        return nil
    }

    private static let keywords: [([UInt8], TokenKind)] =
        ([

            ("and", .and), ("or", .or), ("unless", .unless), ("atan2", .atan2), ("sum", .sum), ("avg", .avg),
            ("count", .count), ("min", .min), ("max", .max), ("group", .group), ("stddev", .stddev),
            ("stdvar", .stdvar), ("topk", .topk), ("bottomk", .bottomk), ("count_values", .countValues),
            ("quantile", .quantile), ("offset", .offset), ("by", .by), ("without", .without), ("on", .on),
            ("ignoring", .ignoring), ("group_left", .groupLeft), ("group_right", .groupRight), ("bool", .bool),
            ("start", .start), ("end", .end), ("inf", .number), ("nan", .number),
        ] as [(String, TokenKind)]).map { (Array($0.0.utf8), $0.1) }

    var isGroupingKeyword: Bool { self == .by || self == .without }

    /// Tokens that may name a metric at the start of a selector (Prometheus' `metric_identifier`).
    var isMetricIdentifier: Bool {
        switch self {
        case .identifier, .metricIdentifier, .by, .and, .or, .unless, .offset, .without, .start, .end: return true
        default: return isAggregator
        }
    }

    /// Tokens that may name a label in `by (…)`, `on (…)` and `group_left (…)` (Prometheus' `maybe_label`).
    var isMaybeLabel: Bool {
        switch self {
        case .identifier, .metricIdentifier, .bool, .by, .groupLeft, .groupRight, .ignoring, .and, .or, .unless,
            .offset, .on, .without, .start, .end, .atan2:
            return true
        default: return isAggregator
        }
    }

    /// Whether Prometheus describes the token by its text alone (its kind has a fixed spelling).
    var hasFixedSpelling: Bool {
        switch self {
        case .eof, .error, .identifier, .metricIdentifier, .number, .string, .duration: return false
        default: return true
        }
    }

    /// The binary operator this token stands for, if any.
    var binaryOperator: BinaryOperator? {
        switch self {
        case .add: return .add
        case .sub: return .sub
        case .mul: return .mul
        case .div: return .div
        case .mod: return .mod
        case .pow: return .pow
        case .atan2: return .atan2
        case .equalEqual: return .equal
        case .notEqual: return .notEqual
        case .greater: return .greater
        case .less: return .less
        case .greaterOrEqual: return .greaterOrEqual
        case .lessOrEqual: return .lessOrEqual
        case .and: return .and
        case .or: return .or
        case .unless: return .unless
        default: return nil
        }
    }

    var aggregateOperator: AggregateOperator? {
        switch self {
        case .avg: return .avg
        case .bottomk: return .bottomk
        case .count: return .count
        case .countValues: return .countValues
        case .group: return .group
        case .max: return .max
        case .min: return .min
        case .quantile: return .quantile
        case .stddev: return .stddev
        case .stdvar: return .stdvar
        case .sum: return .sum
        case .topk: return .topk
        default: return nil
        }
    }
}

/// One token: its kind and where its text lies in the input (UTF-8 byte offsets, as Prometheus counts).
struct Token: Sendable {
    var kind: TokenKind
    var start: Int
    var end: Int
}
