/// Binary expressions: `bool`, `on`/`ignoring`, `group_left`/`group_right`, and Prometheus' checks.
extension Parser {
    struct BinaryModifiers {
        var returnBool = false
        var matching = VectorMatching(cardinality: .oneToOne)
    }

    mutating func parseBinaryModifiers() throws(PromQLParseError) -> BinaryModifiers {
        var modifiers = BinaryModifiers()
        if try peek().kind == .bool {
            advance()
            modifiers.returnBool = true
        }
        let matchingKind = try peek().kind
        guard matchingKind == .on || matchingKind == .ignoring else { return modifiers }
        advance()
        modifiers.matching.on = matchingKind == .on
        modifiers.matching.labels = try parseGroupingLabels()
        let groupKind = try peek().kind
        guard groupKind == .groupLeft || groupKind == .groupRight else { return modifiers }
        advance()
        modifiers.matching.cardinality = groupKind == .groupLeft ? .manyToOne : .oneToMany
        // The label list is optional, but Prometheus reads anything that cannot start the right-hand
        // side as a malformed list.
        let next = try peek()
        if next.kind == .leftParen || !Parser.startsExpression(next.kind) {
            modifiers.matching.include = try parseGroupingLabels()
        }
        return modifiers
    }

    /// Builds `lhs op rhs` and its first type error, checked in the order Prometheus checks.
    func makeBinary(
        _ op: BinaryOperator, _ lhs: ParsedNode, _ rhs: ParsedNode, _ modifiers: BinaryModifiers
    ) -> ParsedNode {
        var matching: VectorMatching? = modifiers.matching
        if op.isSetOperator && modifiers.matching.cardinality == .oneToOne {
            matching?.cardinality = .manyToMany
        }
        let bothVectors = lhs.type == .vector && rhs.type == .vector
        if !bothVectors { matching = nil }
        let type: ValueType = lhs.type == .scalar && rhs.type == .scalar ? .scalar : .vector
        let expr = Expr.binary(
            BinaryExpr(op: op, lhs: lhs.expr, rhs: rhs.expr, returnBool: modifiers.returnBool, matching: matching))
        let typeError =
            lhs.typeError ?? rhs.typeError
            ?? binaryError(op, lhs, rhs, modifiers, cardinality: matching?.cardinality ?? .oneToOne)
        return ParsedNode(expr: expr, type: type, start: lhs.start, end: rhs.end, typeError: typeError)
    }

    private func binaryError(
        _ op: BinaryOperator, _ lhs: ParsedNode, _ rhs: ParsedNode, _ modifiers: BinaryModifiers,
        cardinality: VectorMatching.Cardinality
    ) -> DeferredError? {
        // Prometheus places operator errors at the operator: the first non-space after the left side.
        var operatorStart = lhs.end
        while operatorStart < input.count, Lexer.isSpace(Int32(input[operatorStart])) { operatorStart += 1 }
        if modifiers.returnBool && !op.isComparison {
            return DeferredError(
                offset: operatorStart, message: "bool modifier can only be used on comparison operators")
        }
        if op.isComparison && !modifiers.returnBool && lhs.type == .scalar && rhs.type == .scalar {
            return DeferredError(offset: operatorStart, message: "comparisons between scalars must use BOOL modifier")
        }
        if modifiers.matching.on {
            for label in modifiers.matching.labels where modifiers.matching.include.contains(label) {
                return DeferredError(
                    offset: operatorStart,
                    message: "label \(GoQuote.string(label)) must not occur in ON and GROUP clause at once")
            }
        }
        let message = "binary expression must contain only scalar and instant vector types"
        if lhs.type != .scalar && lhs.type != .vector { return DeferredError(offset: lhs.start, message: message) }
        if rhs.type != .scalar && rhs.type != .vector { return DeferredError(offset: rhs.start, message: message) }
        if lhs.type != .vector || rhs.type != .vector {
            if !modifiers.matching.labels.isEmpty {
                return DeferredError(offset: lhs.start, message: "vector matching only allowed between instant vectors")
            }
        } else if op.isSetOperator && (cardinality == .oneToMany || cardinality == .manyToOne) {
            return DeferredError(
                offset: lhs.start, message: "no grouping allowed for \(GoQuote.string(op.rawValue)) operation")
        }
        if (lhs.type == .scalar || rhs.type == .scalar) && op.isSetOperator {
            return DeferredError(
                offset: lhs.start,
                message: "set operator \(GoQuote.string(op.rawValue)) not allowed in binary scalar expression")
        }
        return nil
    }
}
