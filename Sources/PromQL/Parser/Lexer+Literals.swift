/// Numbers, durations and quoted strings, scanned as Prometheus scans them (the parser converts them).
extension Lexer {
    /// Inside `[…]`: a duration such as `5m` or `1h30m`.
    mutating func lexDuration() -> State? {
        if scanNumber() { return fail("missing unit character in duration") }
        if !acceptRemainingDuration() {
            return fail("bad duration syntax: \(GoQuote.string(text(from: start, to: pos)))")
        }
        backup()
        emit(.duration)
        return .statements
    }

    mutating func lexNumberOrDuration() -> State? {
        if scanNumber() {
            emit(.number)
            return .statements
        }
        if acceptRemainingDuration() {
            backup()
            emit(.duration)
            return .statements
        }
        return fail("bad number or duration syntax: \(GoQuote.string(text(from: start, to: pos)))")
    }

    /// The unit letters (and further number-unit pairs) of a duration whose leading digits are read.
    /// Consumes one rune past the end, which the caller backs up.
    mutating func acceptRemainingDuration() -> Bool {
        if !accept("smhdwy") { return false }
        _ = accept("s")
        while accept("0123456789") {
            acceptRun("0123456789")
            if !accept("smhdw") { return false }
            _ = accept("s")
        }
        return !Lexer.isAlphaNumeric(next())
    }

    /// Reads a number's characters; true when what follows cannot continue it (the text may still
    /// be an invalid number, which the parser reports).
    mutating func scanNumber() -> Bool {
        var hex = false
        if !seriesDescription && accept("0") && accept("xX") { hex = true }
        if hex {
            acceptRun("0123456789abcdefABCDEF")
            if accept(".") { acceptRun("0123456789abcdefABCDEF") }
        } else {
            acceptRun("0123456789")
            if accept(".") { acceptRun("0123456789") }
        }
        if accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789")
        }
        let following = peek()
        return (seriesDescription && following == Lexer.character("x")) || !Lexer.isAlphaNumeric(following)
    }

    /// A `"…"` or `'…'` string; the opening quote is read. Escapes are checked, not decoded.
    mutating func lexString(quote: Int32) -> State? {
        while true {
            let rune = next()
            if rune == Lexer.character("\\") {
                if let message = checkEscape(quote: quote) { return fail(message) }
            } else if rune == 0xFFFD {
                return fail("invalid UTF-8 rune")
            } else if rune == Lexer.endOfInput || rune == 0x0A {
                return fail("unterminated quoted string")
            } else if rune == quote {
                break
            }
        }
        emit(.string)
        return .statements
    }

    /// A `` `…` `` string, taken as written.
    mutating func lexRawString() -> State? {
        while true {
            let rune = next()
            if rune == 0xFFFD { return fail("invalid UTF-8 rune") }
            if rune == Lexer.endOfInput { return fail("unterminated raw string") }
            if rune == Lexer.character("`") { break }
        }
        emit(.string)
        return .statements
    }

    /// Checks one escape sequence after `\`; returns the error message, if any.
    private mutating func checkEscape(quote: Int32) -> String? {
        var rune = next()
        var count: Int
        var base: UInt32
        var maximum: UInt32
        switch rune {
        case quote: return nil
        case _ where rune >= 0 && rune < 0x80 && "abfnrtv\\".utf8.contains(UInt8(rune)): return nil
        case _ where rune >= Lexer.character("0") && rune <= Lexer.character("7"):
            (count, base, maximum) = (3, 8, 255)
        case Lexer.character("x"):
            rune = next()
            (count, base, maximum) = (2, 16, 255)
        case Lexer.character("u"):
            rune = next()
            (count, base, maximum) = (4, 16, 0x10FFFF)
        case Lexer.character("U"):
            rune = next()
            (count, base, maximum) = (8, 16, 0x10FFFF)
        case Lexer.endOfInput: return "escape sequence not terminated"
        default: return "unknown escape sequence \(GoQuote.unicodeNotation(rune))"
        }
        var value: UInt32 = 0
        while count > 0 {
            let digit = Lexer.digitValue(rune)
            if digit >= base {
                if rune == Lexer.endOfInput { return "escape sequence not terminated" }
                return "illegal character \(GoQuote.unicodeNotation(rune)) in escape sequence"
            }
            value = value &* base &+ digit
            count -= 1
            if count > 0 { rune = next() }
        }
        if value > maximum || (0xD800..<0xE000).contains(value) {
            return "escape sequence is an invalid Unicode code point"
        }
        return nil
    }

    private static func digitValue(_ rune: Int32) -> UInt32 {
        switch rune {
        case 0x30...0x39: return UInt32(rune - 0x30)
        case 0x61...0x66: return UInt32(rune - 0x61 + 10)
        case 0x41...0x46: return UInt32(rune - 0x41 + 10)
        default: return 16
        }
    }
}
