/// A fully anchored regular expression with fast paths for the shapes selectors use most.
struct AnchoredPattern: @unchecked Sendable {
    // `Regex<AnyRegexOutput>` is immutable once built; it is only read here.
    private enum Shape {
        case anything
        case nonEmpty
        case literal(String)
        case literals(Set<String>)
        case regex(Regex<AnyRegexOutput>)
    }

    private let shape: Shape

    init(_ source: String) throws(InvalidRegexError) {
        // Checked as Prometheus compiles it, anchored: Go's message quotes the anchored text.
        // Prometheus compiles the anchored pattern, then parses the bare one (to optimise it); a
        // pattern balanced only once anchored (`a)b(`) fails the second.
        let translated: String
        if let goError = GoRegexSyntax.error(in: "^(?:" + source + ")$") {
            throw InvalidRegexError(pattern: source, message: "error parsing regexp: " + goError)
        }
        switch GoRegexSyntax.translate(source) {
        case .failure(let error):
            throw InvalidRegexError(pattern: source, message: "error parsing regexp: " + error.message)
        case .success(let text): translated = text
        }
        if source == ".*" {
            shape = .anything
        } else if source == ".+" {
            shape = .nonEmpty
        } else if !source.contains(where: AnchoredPattern.isMeta) {
            shape = .literal(source)
        } else if let alternatives = AnchoredPattern.literalAlternation(source) {
            shape = .literals(alternatives)
        } else {
            do {
                let regex = try Regex("(?:\(translated))").matchingSemantics(.unicodeScalar)
                shape = .regex(regex)
            } catch {
                throw InvalidRegexError(pattern: source, message: "\(error)")
            }
        }
    }

    func matches(_ candidate: String) -> Bool {
        switch shape {
        case .anything: return true
        case .nonEmpty: return !candidate.isEmpty
        case .literal(let literal): return candidate == literal
        case .literals(let set): return set.contains(candidate)
        case .regex(let regex): return (try? regex.wholeMatch(in: candidate)) != nil
        }
    }

    private static func isMeta(_ character: Character) -> Bool {
        "\\.+*?()|[]{}^$".contains(character)
    }

    /// `a|b|c` where every alternative is a plain literal.
    private static func literalAlternation(_ source: String) -> Set<String>? {
        let parts = source.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return nil }
        for part in parts where part.contains(where: isMeta) { return nil }
        return Set(parts)
    }
}
