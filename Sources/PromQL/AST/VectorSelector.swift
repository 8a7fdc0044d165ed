import TimeSeries

/// A series selector: `name{a="b", c=~"d.*"} offset 5m @ 123`.
public struct VectorSelector: Sendable, Hashable {
    /// The metric name written before the braces, if any; it is also among ``matchers`` as a
    /// `__name__` equality matcher, as in Prometheus.
    public var name: String?
    /// Every condition a series must meet, the name's included.
    public var matchers: [LabelMatcher]
    /// `offset`, in ms; negative moves forward in time.
    public var offset: Int64
    /// `@ timestamp`, `@ start()` or `@ end()`.
    public var at: AtModifier?

    public init(name: String?, matchers: [LabelMatcher], offset: Int64 = 0, at: AtModifier? = nil) {
        self.name = name
        self.matchers = matchers
        self.offset = offset
        self.at = at
    }
}

/// The `@` modifier: evaluate the selector (or subquery) at a fixed time instead of the current step.
public enum AtModifier: Sendable, Hashable {
    /// `@ 1609746000.5`, stored in ms.
    case timestamp(Int64)
    /// `@ start()`: the query's start (the evaluation time for an instant query).
    case start
    /// `@ end()`: the query's end.
    case end
}

/// `expr[range:step] offset o @ t`.
public struct Subquery: Sendable, Hashable {
    public var expr: Expr
    /// ms.
    public var range: Int64
    /// ms; nil means the default evaluation interval (the engine's, one minute unless set).
    public var step: Int64?
    /// ms.
    public var offset: Int64
    public var at: AtModifier?

    public init(expr: Expr, range: Int64, step: Int64?, offset: Int64 = 0, at: AtModifier? = nil) {
        self.expr = expr
        self.range = range
        self.step = step
        self.offset = offset
        self.at = at
    }
}
