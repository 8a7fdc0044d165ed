/// What the parser knows of a function: its argument types and result type, for type checking
/// (`expected type range vector in call to function "rate", got instant vector`).
public struct FunctionSignature: Sendable, Hashable {
    public var name: String
    public var argTypes: [ValueType]
    /// 0: exactly `argTypes`; n > 0: up to n trailing arguments may be left out; -1: the last one
    /// repeats any number of times (as Prometheus' `Variadic`).
    public var variadic: Int
    public var returnType: ValueType

    public init(_ name: String, _ argTypes: [ValueType], _ returnType: ValueType, variadic: Int = 0) {
        self.name = name
        self.argTypes = argTypes
        self.variadic = variadic
        self.returnType = returnType
    }

    /// The function called `name`, or nil when PromQL (2.42, float samples) has none.
    public static func named(_ name: String) -> FunctionSignature? { table[name] }

    /// Every function, by name.
    public static let table: [String: FunctionSignature] = {
        let v = ValueType.vector
        let m = ValueType.matrix
        let s = ValueType.scalar
        let str = ValueType.string
        var all: [FunctionSignature] = [
            .init("absent", [v], v),
            .init("absent_over_time", [m], v),
            .init("changes", [m], v),
            .init("clamp", [v, s, s], v),
            .init("clamp_max", [v, s], v),
            .init("clamp_min", [v, s], v),
            .init("delta", [m], v),
            .init("deriv", [m], v),
            .init("histogram_quantile", [s, v], v),
            .init("holt_winters", [m, s, s], v),
            .init("idelta", [m], v),
            .init("increase", [m], v),
            .init("irate", [m], v),
            .init("label_replace", [v, str, str, str, str], v),
            .init("label_join", [v, str, str, str], v, variadic: -1),
            .init("pi", [], s),
            .init("predict_linear", [m, s], v),
            .init("quantile_over_time", [s, m], v),
            .init("rate", [m], v),
            .init("resets", [m], v),
            .init("round", [v, s], v, variadic: 1),
            .init("scalar", [v], s),
            .init("sort", [v], v),
            .init("sort_desc", [v], v),
            .init("time", [], s),
            .init("timestamp", [v], v),
            .init("vector", [s], v),
        ]
        for name in [
            "abs", "ceil", "exp", "floor", "ln", "log10", "log2", "sgn", "sqrt", "deg", "rad",
            "acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "sin", "sinh", "tan", "tanh",
        ] {
            all.append(.init(name, [v], v))
        }
        for name in [
            "avg_over_time", "count_over_time", "last_over_time", "max_over_time", "min_over_time",
            "present_over_time", "stddev_over_time", "stdvar_over_time", "sum_over_time",
        ] {
            all.append(.init(name, [m], v))
        }
        for name in ["day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year"] {
            all.append(.init(name, [v], v, variadic: 1))
        }
        return Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
    }()
}
