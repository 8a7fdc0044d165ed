/// `lhs op rhs` with its modifiers.
public struct BinaryExpr: Sendable, Hashable {
    public var op: BinaryOperator
    public var lhs: Expr
    public var rhs: Expr
    /// `bool` after a comparison: return 0/1 instead of filtering.
    public var returnBool: Bool
    /// How the two sides' series pair up; nil when at least one side is a scalar.
    public var matching: VectorMatching?

    public init(op: BinaryOperator, lhs: Expr, rhs: Expr, returnBool: Bool = false, matching: VectorMatching? = nil) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.returnBool = returnBool
        self.matching = matching
    }
}

/// PromQL's binary operators, spelled as in the language.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+"
    case sub = "-"
    case mul = "*"
    case div = "/"
    case mod = "%"
    case pow = "^"
    case atan2 = "atan2"
    case equal = "=="
    case notEqual = "!="
    case greater = ">"
    case less = "<"
    case greaterOrEqual = ">="
    case lessOrEqual = "<="
    case and = "and"
    case or = "or"
    case unless = "unless"

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual: return true
        default: return false
        }
    }

    /// `and`, `or`, `unless`: they work on whole series, many-to-many.
    public var isSetOperator: Bool {
        self == .and || self == .or || self == .unless
    }

    /// Binding strength, higher binds tighter (Prometheus: `or` < `and unless` < comparisons
    /// < `+ -` < `* / % atan2` < `^`).
    public var precedence: Int {
        switch self {
        case .or: return 1
        case .and, .unless: return 2
        case .equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual: return 3
        case .add, .sub: return 4
        case .mul, .div, .mod, .atan2: return 5
        case .pow: return 6
        }
    }

    /// `^` is the only right-associative operator.
    public var isRightAssociative: Bool { self == .pow }
}

/// `on(…)`/`ignoring(…)` and `group_left(…)`/`group_right(…)` of a binary expression between vectors.
public struct VectorMatching: Sendable, Hashable {
    /// Which side may have several series per match group.
    public enum Cardinality: String, Sendable, Hashable {
        case oneToOne = "one-to-one"
        case manyToOne = "many-to-one"
        case oneToMany = "one-to-many"
        case manyToMany = "many-to-many"
    }

    public var cardinality: Cardinality
    /// true: `on(labels)`; false: `ignoring(labels)` (or neither, with empty labels).
    public var on: Bool
    public var labels: [String]
    /// The labels in `group_left(…)`/`group_right(…)` copied from the "one" side.
    public var include: [String]

    public init(cardinality: Cardinality, on: Bool = false, labels: [String] = [], include: [String] = []) {
        self.cardinality = cardinality
        self.on = on
        self.labels = labels
        self.include = include
    }
}
