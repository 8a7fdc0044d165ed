import TimeSeries

/// Prometheus' text form of an expression (its `String()`), used in API messages and rule files;
/// parsing the text gives the same tree back.
extension Expr: CustomStringConvertible {
    public var description: String {
        switch self {
        case .number(let value): return GoFloatText.shortest(value)
        case .string(let value): return GoQuote.string(value)
        case .vectorSelector(let selector): return selector.selectorText + selector.modifierText
        case .matrixSelector(let selector, let range):
            return selector.selectorText + "[\(DurationText.text(range))]" + selector.modifierText
        case .subquery(let subquery):
            let step = subquery.step.map(DurationText.text) ?? ""
            return "\(subquery.expr)[\(DurationText.text(subquery.range)):\(step)]"
                + VectorSelector.modifierText(at: subquery.at, offset: subquery.offset)
        case .paren(let inner): return "(\(inner))"
        case .unary(let op, let inner): return op.rawValue + inner.description
        case .binary(let binary): return binary.text
        case .aggregate(let aggregate): return aggregate.text
        case .call(let call):
            return call.function.name + "(" + call.args.map(\.description).joined(separator: ", ") + ")"
        }
    }
}

extension VectorSelector {
    /// `name{b="2",c=~"x"}`: matchers sorted by their text, the name's own matcher left out.
    fileprivate var selectorText: String {
        let name = self.name ?? ""
        var texts: [String] = []
        texts.reserveCapacity(matchers.count)
        for matcher in matchers {
            if matcher.name == Label.metricName && matcher.kind == .equal && matcher.value == name { continue }
            texts.append(matcher.name + matcher.kind.rawValue + GoQuote.string(matcher.value))
        }
        if texts.isEmpty { return name }
        texts.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return name + "{" + texts.joined(separator: ",") + "}"
    }

    fileprivate var modifierText: String { VectorSelector.modifierText(at: at, offset: offset) }

    /// ` @ 1609746000.000 offset 5m`: `@` first, as Prometheus prints it.
    fileprivate static func modifierText(at: AtModifier?, offset: Int64) -> String {
        var text = ""
        switch at {
        case .timestamp(let milliseconds):
            let magnitude = milliseconds.magnitude
            let fraction = String(magnitude % 1000)
            text =
                " @ " + (milliseconds < 0 ? "-" : "") + String(magnitude / 1000) + "."
                + String(repeating: "0", count: 3 - fraction.count) + fraction
        case .start: text = " @ start()"
        case .end: text = " @ end()"
        case nil: break
        }
        if offset > 0 {
            text += " offset " + DurationText.text(offset)
        } else if offset < 0 {
            text += " offset -" + DurationText.text(-offset)
        }
        return text
    }
}

extension BinaryExpr {
    /// `lhs op bool on (a) group_left (b) rhs`.
    fileprivate var text: String {
        var out = lhs.description + " " + op.rawValue
        if returnBool { out += " bool" }
        if let matching {
            let grouped = matching.cardinality == .manyToOne || matching.cardinality == .oneToMany
            // Prometheus 2.42 drops `group_x` when `ignoring` is empty; later versions keep it (and
            // the text then parses back to the same tree), so this follows them.
            if !matching.labels.isEmpty || matching.on || grouped {
                out += (matching.on ? " on (" : " ignoring (") + matching.labels.joined(separator: ", ") + ")"
            }
            if grouped {
                out +=
                    (matching.cardinality == .manyToOne ? " group_left (" : " group_right (")
                    + matching.include.joined(separator: ", ") + ")"
            }
        }
        return out + " " + rhs.description
    }
}

extension AggregateExpr {
    /// `sum by (job) (x)`, `topk(3, x)`, `count without () (x)`.
    fileprivate var text: String {
        var out = op.rawValue
        if without {
            out += " without (" + grouping.joined(separator: ", ") + ") "
        } else if !grouping.isEmpty {
            out += " by (" + grouping.joined(separator: ", ") + ") "
        }
        out += "("
        if let param { out += param.description + ", " }
        return out + expr.description + ")"
    }
}
