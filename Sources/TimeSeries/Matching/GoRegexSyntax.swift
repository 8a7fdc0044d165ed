/// The syntax check of Go's `regexp/syntax` (Perl flags, as `regexp.Compile` uses them), run
/// before a pattern reaches Swift's `Regex`.
///
/// Prometheus and Alertmanager compile matchers with Go's RE2 engine, which rejects what Swift's
/// engine accepts (look-arounds, back-references, possessive or stacked quantifiers, `(?<name>`),
/// and words its errors its own way. A rule or route Prometheus would refuse must be refused here
/// too, with the message Prometheus prints (`missing argument to repetition operator: `+``), so
/// `vigil check rules` and `promtool check rules` agree. Only the syntax is checked; matching is
/// Swift's.
public enum GoRegexSyntax {
    /// Go's error for `pattern` (`<code>: `<expr>``, without the "error parsing regexp: " prefix),
    /// or nil when Go's parser accepts it.
    public static func error(in pattern: String) -> String? {
        var parser = Parser(Array(pattern.unicodeScalars))
        return parser.run()
    }

    /// `pattern` in the syntax of Swift's `Regex` with Go's meaning, or Go's error. Where the two
    /// syntaxes read the same text differently it is rewritten: `\Q…\E` and every literal become
    /// escaped characters, `\pL` becomes `\p{L}`, `\d`, `\s`, `\w` their ASCII classes (Go's are
    /// ASCII-only), a class's `]` first, `[`, `&`, `~` and `-` as characters, assertions become
    /// groups so they may be repeated (`^*`), and a `{` that is not a count a literal brace.
    public static func translate(_ pattern: String) -> Result<String, GoRegexError> {
        var parser = Parser(Array(pattern.unicodeScalars))
        if let message = parser.run() { return .failure(GoRegexError(message: message)) }
        return .success(parser.out)
    }

    /// Go's refusal of a pattern: `<code>: `<expr>``.
    public struct GoRegexError: Error, Sendable, Equatable {
        public var message: String
    }

    private enum Item { case leftParen, bar, atom }

    private struct Parser {
        let whole: [Unicode.Scalar]
        var stack: [Item] = []
        /// The pattern in Swift's syntax, as far as read.
        var out = ""
        /// The last `\p…` read, in Swift's syntax.
        var unicodeClassText = ""

        init(_ scalars: [Unicode.Scalar]) { whole = scalars }

        func text(_ range: Range<Int>) -> String {
            var out = String.UnicodeScalarView()
            out.append(contentsOf: whole[range])
            return String(out)
        }

        func failure(_ code: String, _ range: Range<Int>) -> String { "\(code): `\(text(range))`" }

        mutating func run() -> String? {
            var position = 0
            var lastRepeat: Int?  // where the previous token, a repetition, started
            while position < whole.count {
                var repeatStart: Int?
                let character = whole[position]
                switch character {
                case "(":
                    if position + 1 < whole.count && whole[position + 1] == "?" {
                        switch perlFlags(at: position) {
                        case .failure(let message): return message
                        case .next(let next): position = next
                        }
                    } else {
                        stack.append(.leftParen)
                        out += "("
                        position += 1
                    }
                case "|":
                    while stack.last == .atom { stack.removeLast() }
                    if stack.last != .bar { stack.append(.bar) }
                    out += "|"
                    position += 1
                case ")":
                    while let top = stack.last, top != .leftParen {
                        _ = top
                        stack.removeLast()
                    }
                    if stack.isEmpty { return failure("unexpected )", 0..<whole.count) }
                    stack.removeLast()
                    stack.append(.atom)
                    out += ")"
                    position += 1
                case "^", "$", ".":
                    stack.append(.atom)
                    out += character == "." ? "." : "(?:\(character))"
                    position += 1
                case "[":
                    switch characterClass(at: position) {
                    case .failure(let message): return message
                    case .next(let next): position = next
                    }
                    stack.append(.atom)
                case "*", "+", "?":
                    repeatStart = position
                    switch repetition(start: position, after: position + 1, lastRepeat: lastRepeat) {
                    case .failure(let message): return message
                    case .next(let next): position = next
                    }
                case "{":
                    guard let (minimum, maximum, after) = repeatCount(at: position) else {
                        stack.append(.atom)  // not a count: a literal {
                        out += "\\{"
                        position += 1
                        break
                    }
                    if minimum < 0 || minimum > 1000 || maximum > 1000 || (maximum >= 0 && minimum > maximum) {
                        return failure("invalid repeat count", position..<after)
                    }
                    repeatStart = position
                    switch repetition(start: position, after: after, lastRepeat: lastRepeat) {
                    case .failure(let message): return message
                    case .next(let next): position = next
                    }
                case "\\":
                    switch escapeAtom(at: position) {
                    case .failure(let message): return message
                    case .next(let next): position = next
                    }
                default:
                    stack.append(.atom)
                    out += Self.literal(character.value)
                    position += 1
                }
                lastRepeat = repeatStart
            }
            while stack.last == .atom || stack.last == .bar { stack.removeLast() }
            if !stack.isEmpty { return failure("missing closing )", 0..<whole.count) }
            return nil
        }

        enum Step {
            case next(Int)
            case failure(String)
        }

        /// A repetition operator spanning `start..<after` (plus a `?` making it lazy).
        mutating func repetition(start: Int, after: Int, lastRepeat: Int?) -> Step {
            var end = after
            if end < whole.count && whole[end] == "?" { end += 1 }
            if let lastRepeat { return .failure(failure("invalid nested repetition operator", lastRepeat..<end)) }
            guard stack.last == .atom else {
                return .failure(failure("missing argument to repetition operator", start..<end))
            }
            out += text(start..<end)
            return .next(end)
        }

        /// `{n}`, `{n,}`, `{n,m}` at `position`: (min, max (−1: none), end), or nil when it is not one
        /// (then `{` is a literal). A number of more than eight digits reads as −1 (too big).
        func repeatCount(at position: Int) -> (Int, Int, Int)? {
            var index = position + 1
            func number() -> Int?? {
                let start = index
                while index < whole.count, ("0"..."9").contains(whole[index]) { index += 1 }
                if index == start { return nil }
                if index - start >= 2 && whole[start] == "0" { return nil }
                if index - start > 8 { return .some(-1) }
                return .some(Int(text(start..<index)) ?? -1)
            }
            guard let first = number(), let minimum = first, index < whole.count else { return nil }
            var maximum = minimum
            var minimumOut = minimum
            if whole[index] == "," {
                index += 1
                guard index < whole.count else { return nil }
                if whole[index] == "}" {
                    maximum = -1
                } else {
                    guard let second = number(), let value = second else { return nil }
                    maximum = value
                    if value < 0 { minimumOut = -1 }
                }
            }
            guard index < whole.count, whole[index] == "}" else { return nil }
            return (minimumOut, maximum, index + 1)
        }

        /// `(?flags)`, `(?flags:`, `(?P<name>` at `position`.
        mutating func perlFlags(at position: Int) -> Step {
            if position + 4 < whole.count && whole[position + 2] == "P" && whole[position + 3] == "<" {
                guard let close = whole[position...].firstIndex(of: ">") else {
                    return .failure(failure("invalid named capture", position..<whole.count))
                }
                let name = whole[(position + 4)..<close]
                let valid =
                    !name.isEmpty
                    && name.allSatisfy {
                        $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    }
                if !valid { return .failure(failure("invalid named capture", position..<(close + 1))) }
                stack.append(.leftParen)
                out += "(?<" + text((position + 4)..<close) + ">"
                return .next(close + 1)
            }
            var index = position + 2
            var negated = false
            var sawFlag = false
            while index < whole.count {
                let character = whole[index]
                index += 1
                switch character {
                case "i", "m", "s", "U":
                    sawFlag = true
                case "-":
                    if negated { return .failure(failure("invalid or unsupported Perl syntax", position..<index)) }
                    negated = true
                    sawFlag = false
                case ":", ")":
                    if negated && !sawFlag {
                        return .failure(failure("invalid or unsupported Perl syntax", position..<index))
                    }
                    if character == ":" { stack.append(.leftParen) }
                    out += text(position..<index)
                    return .next(index)
                default:
                    return .failure(failure("invalid or unsupported Perl syntax", position..<index))
                }
            }
            return .failure(failure("invalid or unsupported Perl syntax", position..<index))
        }

        /// A backslash outside a class: an assertion, `\Q…\E`, a class escape or a single character.
        mutating func escapeAtom(at position: Int) -> Step {
            if position + 1 < whole.count {
                switch whole[position + 1] {
                case "A", "b", "B", "z":
                    stack.append(.atom)
                    out += "(?:" + text(position..<(position + 2)) + ")"
                    return .next(position + 2)
                case "C":
                    return .failure(failure("invalid escape sequence", position..<(position + 2)))
                case "Q":
                    var index = position + 2
                    while index < whole.count {
                        if whole[index] == "\\" && index + 1 < whole.count && whole[index + 1] == "E" {
                            if index > position + 2 { stack.append(.atom) }
                            return .next(index + 2)
                        }
                        out += Self.literal(whole[index].value)
                        index += 1
                    }
                    if index > position + 2 { stack.append(.atom) }
                    return .next(index)
                case "p", "P":
                    let step = unicodeClass(at: position)
                    if case .next = step {
                        stack.append(.atom)
                        out += unicodeClassText
                    }
                    return step
                case "d", "D", "s", "S", "w", "W":
                    stack.append(.atom)
                    out += Self.perlClass(whole[position + 1])
                    return .next(position + 2)
                default: break
                }
            }
            let step = escape(at: position)
            if case .next(let end) = step {
                stack.append(.atom)
                out += Self.literal(Self.escapedValue(Array(whole[position..<end])))
            }
            return step
        }

        /// Go's `parseEscape`: one escaped character.
        func escape(at position: Int) -> Step {
            var index = position + 1
            guard index < whole.count else { return .failure("trailing backslash at end of expression: ``") }
            let character = whole[index]
            index += 1
            func invalid() -> Step { .failure(failure("invalid escape sequence", position..<index)) }
            func isOctal(_ at: Int) -> Bool { at < whole.count && ("0"..."7").contains(whole[at]) }
            func isHex(_ scalar: Unicode.Scalar) -> Bool {
                ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
            }
            switch character {
            case "1"..."7":
                guard isOctal(index) else { return invalid() }  // a back-reference: unsupported
                fallthrough
            case "0":
                var digits = 1
                while digits < 3 && isOctal(index) {
                    index += 1
                    digits += 1
                }
                return .next(index)
            case "x":
                guard index < whole.count else { return invalid() }
                let next = whole[index]
                index += 1
                if next == "{" {
                    var digits = 0
                    var value = 0
                    while true {
                        guard index < whole.count else { return invalid() }
                        let digit = whole[index]
                        index += 1
                        if digit == "}" { break }
                        guard isHex(digit) else { return invalid() }
                        value = value * 16 + Int(String(digit), radix: 16)!
                        if value > 0x10FFFF { return invalid() }
                        digits += 1
                    }
                    return digits == 0 ? invalid() : .next(index)
                }
                guard index < whole.count else { return invalid() }
                let second = whole[index]
                index += 1
                return isHex(next) && isHex(second) ? .next(index) : invalid()
            case "a", "f", "n", "r", "t", "v":
                return .next(index)
            default:
                let isWord =
                    ("a"..."z").contains(character) || ("A"..."Z").contains(character)
                    || ("0"..."9").contains(character)
                if character.isASCII && !isWord { return .next(index) }
                return invalid()
            }
        }

        /// `\pL`, `\p{Greek}`, `\P{^Lu}`: Go's general categories, `Any`, and script names.
        mutating func unicodeClass(at position: Int) -> Step {
            var index = position + 2
            guard index < whole.count else {
                return .failure(failure("invalid character class range", position..<index))
            }
            var name: String
            let sequenceEnd: Int
            if whole[index] != "{" {
                index += 1
                sequenceEnd = index
                name = text((position + 2)..<index)
            } else {
                guard let close = whole[index...].firstIndex(of: "}") else {
                    return .failure(failure("invalid character class range", position..<whole.count))
                }
                sequenceEnd = close + 1
                name = text((index + 1)..<close)
            }
            var negated = whole[position + 1] == "P"
            if name.hasPrefix("^") {
                name.removeFirst()
                negated.toggle()
            }
            unicodeClassText = (negated ? "\\P{" : "\\p{") + name + "}"
            let isScriptLike =
                !name.isEmpty
                && name.unicodeScalars.allSatisfy {
                    $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0)
                }
            // Go knows its general categories and Unicode's script names; for the scripts, ask
            // Swift's engine (which knows every script Go's does) rather than keep a list here.
            if Self.categories.contains(name) || (isScriptLike && name.count > 2 && Self.isScript(name)) {
                return .next(sequenceEnd)
            }
            return .failure(failure("invalid character class range", position..<sequenceEnd))
        }

        static func isScript(_ name: String) -> Bool { (try? Regex("\\p{" + name + "}")) != nil }

        static let categories: Set<String> = [
            "Any", "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd",
            "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp",
            "Zs",
        ]
        static let posixClasses: Set<String> = [
            "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper",
            "word", "xdigit",
        ]

        /// `[…]` at `position`: Go's `parseClass`.
        mutating func characterClass(at position: Int) -> Step {
            var index = position + 1
            var members = ""
            var negated = false
            if index < whole.count && whole[index] == "^" {
                index += 1
                negated = true
            }
            var first = true
            while index >= whole.count || whole[index] != "]" || first {
                first = false
                if index + 2 < whole.count && whole[index] == "[" && whole[index + 1] == ":" {
                    if let close = closingColon(from: index + 2) {
                        var name = text((index + 2)..<close)
                        if name.hasPrefix("^") { name.removeFirst() }
                        guard Self.posixClasses.contains(name) else {
                            return .failure(failure("invalid character class range", index..<(close + 2)))
                        }
                        members += text(index..<(close + 2))
                        index = close + 2
                        continue
                    }
                }
                if index + 1 < whole.count && whole[index] == "\\" {
                    switch whole[index + 1] {
                    case "p", "P":
                        switch unicodeClass(at: index) {
                        case .failure(let message): return .failure(message)
                        case .next(let next): index = next
                        }
                        members += unicodeClassText
                        continue
                    case "d", "D", "s", "S", "w", "W":
                        members += Self.perlClass(whole[index + 1])
                        index += 2
                        continue
                    default: break
                    }
                }
                let rangeStart = index
                guard let (low, afterLow) = classCharacter(at: index, classStart: position) else {
                    return .failure(failure("missing closing ]", position..<whole.count))
                }
                if case .failure(let message) = afterLow { return .failure(message) }
                guard case .next(let next) = afterLow else { return .failure("") }
                index = next
                members += Self.classLiteral(low)
                if index + 1 < whole.count && whole[index] == "-" && whole[index + 1] != "]" {
                    index += 1
                    guard let (high, afterHigh) = classCharacter(at: index, classStart: position) else {
                        return .failure(failure("missing closing ]", position..<whole.count))
                    }
                    if case .failure(let message) = afterHigh { return .failure(message) }
                    guard case .next(let end) = afterHigh else { return .failure("") }
                    index = end
                    if high < low { return .failure(failure("invalid character class range", rangeStart..<index)) }
                    members += "-" + Self.classLiteral(high)
                }
            }
            out += "[" + (negated ? "^" : "") + members + "]"
            return .next(index + 1)
        }

        /// The `:]` closing a POSIX class name starting at `start`, if any.
        func closingColon(from start: Int) -> Int? {
            var index = start
            while index + 1 < whole.count {
                if whole[index] == ":" && whole[index + 1] == "]" { return index }
                index += 1
            }
            return nil
        }

        /// One character of a class (escapes allowed) and its value; nil at the end of the pattern.
        func classCharacter(at index: Int, classStart: Int) -> (UInt32, Step)? {
            guard index < whole.count else { return nil }
            guard whole[index] == "\\" else { return (whole[index].value, .next(index + 1)) }
            let step = escape(at: index)
            guard case .next(let end) = step else { return (0, step) }
            return (Self.escapedValue(Array(whole[index..<end])), step)
        }

        /// The value of a valid escape's text (`\n`, `\x41`, `\101`, `\.`).
        static func escapedValue(_ text: [Unicode.Scalar]) -> UInt32 {
            guard text.count >= 2 else { return 0 }
            let body = String(String.UnicodeScalarView(text[1...]))
            switch text[1] {
            case "a": return 7
            case "f": return 12
            case "n": return 10
            case "r": return 13
            case "t": return 9
            case "v": return 11
            case "x":
                let digits = body.dropFirst().filter { $0 != "{" && $0 != "}" }
                return UInt32(digits, radix: 16) ?? 0
            case "0"..."7": return UInt32(body, radix: 8) ?? 0
            default: return text[1].value
            }
        }

        /// A literal character outside a class: ASCII letters and digits as they are, other ASCII as
        /// `\x{…}` (never an operator in either syntax), anything else as itself.
        static func literal(_ value: UInt32) -> String {
            guard let scalar = Unicode.Scalar(value) else { return "" }
            if scalar.isASCII
                && !(("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
            {
                return "\\x{" + String(value, radix: 16) + "}"
            }
            return String(scalar)
        }

        /// A character inside a class: the same, so `]`, `[`, `-`, `&`, `~` and `^` are characters.
        static func classLiteral(_ value: UInt32) -> String { literal(value) }

        /// Go's Perl classes, ASCII-only, as Swift classes.
        static func perlClass(_ letter: Unicode.Scalar) -> String {
            switch letter {
            case "d": return "[0-9]"
            case "D": return "[^0-9]"
            case "s": return "[\\t\\n\\f\\r\\x{20}]"
            case "S": return "[^\\t\\n\\f\\r\\x{20}]"
            case "w": return "[0-9A-Za-z_]"
            default: return "[^0-9A-Za-z_]"
            }
        }
    }
}
