import Yams

/// Typed reads of scalar values. Each reports a mismatch or a failed `check` at the value's own
/// position and yields nil; `check` returns a problem description, or nil when the value is fine.
extension YAMLValue {
    /// Any non-null scalar as text (YAML `5` and `true` read as "5" and "true", as Go's yaml does).
    public func string(check: ((String) -> String?)? = nil) -> String? {
        guard kind == .scalar, let text = scalarText else {
            reportTypeMismatch(expected: "a string")
            return nil
        }
        return validated(text, check)
    }

    /// `true`/`false` (YAML 1.1 spellings `yes`/`no`/`on`/`off` too); quoted strings are not booleans.
    public func bool() -> Bool? {
        guard case .scalar(let scalar)? = node, let value = Bool.construct(from: scalar) else {
            reportTypeMismatch(expected: "a boolean (true or false)")
            return nil
        }
        return value
    }

    /// An integer written without quotes.
    public func int(check: ((Int) -> String?)? = nil) -> Int? {
        guard case .scalar(let scalar)? = node, scalar.resolvedTagName == Tag.Name.int.rawValue,
            let value = Int.construct(from: scalar)
        else {
            reportTypeMismatch(expected: "an integer")
            return nil
        }
        return validated(value, check)
    }

    /// A number (integer or floating point) written without quotes.
    public func double(check: ((Double) -> String?)? = nil) -> Double? {
        let numeric = [Tag.Name.int.rawValue, Tag.Name.float.rawValue]
        guard case .scalar(let scalar)? = node, numeric.contains(scalar.resolvedTagName),
            let value = Double.construct(from: scalar)
        else {
            reportTypeMismatch(expected: "a number")
            return nil
        }
        return validated(value, check)
    }

    /// A Prometheus duration (`30s`, `5m`, `1h30m`, `0`). A bare number other than 0 is rejected:
    /// YAML hands `for: 5` over as the text "5", which would otherwise silently mean nothing.
    public func duration(check: ((PromDuration) -> String?)? = nil) -> PromDuration? {
        guard let text = string() else { return nil }
        do {
            return validated(try PromDuration(parsing: text), check)
        } catch {
            report(Self.durationProblem(text, error))
            return nil
        }
    }

    private static func durationProblem(_ text: String, _ error: PromDuration.ParseError) -> String {
        switch error {
        case .empty:
            return "empty duration: write e.g. 30s, 5m or 1h"
        case .overflow:
            return "duration \"\(text)\" is out of range"
        case .invalid where !text.isEmpty && text.allSatisfy(\.isASCIIDigitCharacter):
            return "invalid duration \"\(text)\": a number needs a unit (ms, s, m, h, d, w, y), e.g. \"\(text)m\""
        case .invalid:
            return "invalid duration \"\(text)\": use Prometheus syntax such as 30s, 5m or 1h30m "
                + "(units y, w, d, h, m, s, ms; largest first; each at most once)"
        }
    }

    private func validated<T>(_ value: T, _ check: ((T) -> String?)?) -> T? {
        if let problem = check?(value) {
            report(problem)
            return nil
        }
        return value
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool {
        isASCII && isWholeNumber
    }
}
