/// Turns PromQL text into tokens, state by state as Prometheus' lexer does, so that the same inputs
/// are accepted and the same lexical errors (with the same wording and position) are reported.
///
/// Works on UTF-8 bytes: positions are byte offsets, as in Prometheus. Comments are dropped. The
/// token list ends with an `eof` token, or with an `error` token whose message is ``errorMessage``.
struct Lexer {
    enum State { case statements, insideBraces, valueSequence, duration }

    let input: [UInt8]
    /// Series-description mode (promqltest `load` lines): values, `x`, `_`, no hex numbers.
    let seriesDescription: Bool
    var pos = 0
    var start = 0
    /// Width of the last rune read, for ``backup()``.
    var width = 0
    var parenDepth = 0
    var braceOpen = false
    var bracketOpen = false
    var gotColon = false
    private(set) var tokens: [Token] = []
    private(set) var errorMessage: String?

    /// The rune ``next()`` returns at the end of the input.
    static let endOfInput: Int32 = -1

    static func tokenize(_ input: [UInt8], seriesDescription: Bool = false, initialState: State = .statements) -> Lexer
    {
        var lexer = Lexer(input: input, seriesDescription: seriesDescription)
        lexer.tokens.reserveCapacity(input.count / 3 + 2)
        var state: State? = initialState
        while let current = state {
            switch current {
            case .statements: state = lexer.lexStatements()
            case .insideBraces: state = lexer.lexInsideBraces()
            case .valueSequence: state = lexer.lexValueSequence()
            case .duration: state = lexer.lexDuration()
            }
        }
        return lexer
    }

    private init(input: [UInt8], seriesDescription: Bool) {
        self.input = input
        self.seriesDescription = seriesDescription
    }

    // MARK: Reading runes

    mutating func next() -> Int32 {
        guard pos < input.count else {
            width = 0
            return Lexer.endOfInput
        }
        let lead = input[pos]
        if lead < 0x80 {
            width = 1
            pos += 1
            return Int32(lead)
        }
        // Swift strings are valid UTF-8, so the lead byte tells the length.
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var scalar = Int32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1..<length where pos + index < input.count {
            scalar = scalar << 6 | Int32(input[pos + index] & 0x3F)
        }
        width = min(length, input.count - pos)
        pos += width
        return scalar
    }

    mutating func peek() -> Int32 {
        let rune = next()
        backup()
        return rune
    }

    mutating func backup() { pos -= width }

    mutating func accept(_ valid: StaticString) -> Bool {
        let rune = next()
        if rune >= 0, rune < 0x80, Lexer.contains(valid, UInt8(rune)) { return true }
        backup()
        return false
    }

    mutating func acceptRun(_ valid: StaticString) {
        while accept(valid) {}
    }

    private static func contains(_ set: StaticString, _ byte: UInt8) -> Bool {
        set.withUTF8Buffer { $0.contains(byte) }
    }

    // MARK: Producing tokens

    mutating func emit(_ kind: TokenKind) {
        tokens.append(Token(kind: kind, start: start, end: pos))
        start = pos
    }

    mutating func ignore() { start = pos }

    /// Ends the scan with an error token at the start of the pending token.
    mutating func fail(_ message: String) -> State? {
        errorMessage = message
        tokens.append(Token(kind: .error, start: start, end: pos))
        return nil
    }

    func text(from: Int, to: Int) -> String { String(decoding: input[from..<to], as: UTF8.self) }

    mutating func skipSpaces() {
        while Lexer.isSpace(peek()) { _ = next() }
        ignore()
    }

    mutating func skipLineComment() {
        pos += 1
        var rune = next()
        while rune != Lexer.endOfInput && rune != 0x0A && rune != 0x0D { rune = next() }
        backup()
        ignore()
    }

    var atComment: Bool { pos < input.count && input[pos] == UInt8(ascii: "#") }

    // MARK: Character classes

    static func isSpace(_ rune: Int32) -> Bool { rune == 0x20 || rune == 0x09 || rune == 0x0A || rune == 0x0D }
    static func isDigit(_ rune: Int32) -> Bool { rune >= 0x30 && rune <= 0x39 }
    static func isAlpha(_ rune: Int32) -> Bool {
        rune == 0x5F || (rune >= 0x61 && rune <= 0x7A) || (rune >= 0x41 && rune <= 0x5A)
    }
    static func isAlphaNumeric(_ rune: Int32) -> Bool { isAlpha(rune) || isDigit(rune) }

    static func character(_ ascii: Unicode.Scalar) -> Int32 { Int32(ascii.value) }
}
