/// An expression while it is being parsed: the tree so far, its type, where it lies in the input
/// (UTF-8 byte offsets) and the first type error inside it.
///
/// Prometheus type-checks the finished tree and reports the first error of a fixed walk, but only
/// when the text parsed; computing that first error bottom-up, in the same order, gives the same
/// answer without keeping a second tree.
struct ParsedNode {
    var expr: Expr
    var type: ValueType
    var start: Int
    var end: Int
    var typeError: DeferredError?
}

/// A type error found while parsing, reported only if the whole input parses.
struct DeferredError {
    var offset: Int
    var message: String
}
