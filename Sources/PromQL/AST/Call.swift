/// A function call: `rate(x[5m])`, `label_replace(…)`.
public struct Call: Sendable, Hashable {
    public var function: FunctionSignature
    public var args: [Expr]

    public init(function: FunctionSignature, args: [Expr]) {
        self.function = function
        self.args = args
    }
}
