/// The lexer's states: outside braces, inside braces, and the value sequence of a series description.
extension Lexer {
    mutating func lexStatements() -> State? {
        if braceOpen { return .insideBraces }
        if atComment {
            skipLineComment()
            return .statements
        }
        let rune = next()
        if rune == Lexer.endOfInput {
            if parenDepth != 0 { return fail("unclosed left parenthesis") }
            if bracketOpen { return fail("unclosed left bracket") }
            emit(.eof)
            return nil
        }
        if Lexer.isSpace(rune) {
            skipSpaces()
            return .statements
        }
        if Lexer.isDigit(rune) || (rune == Lexer.character(".") && Lexer.isDigit(peek())) {
            backup()
            return lexNumberOrDuration()
        }
        if Lexer.isAlpha(rune) || rune == Lexer.character(":") {
            if !bracketOpen {
                backup()
                return lexKeywordOrIdentifier()
            }
            if gotColon { return fail("unexpected colon \(GoQuote.rune(rune))") }
            emit(.colon)
            gotColon = true
            return .statements
        }
        return lexPunctuation(rune)
    }

    private mutating func lexPunctuation(_ rune: Int32) -> State? {
        switch UInt8(truncatingIfNeeded: rune) {
        case _ where rune >= 0x80: return fail("unexpected character: \(GoQuote.rune(rune))")
        case UInt8(ascii: ","): emit(.comma)
        case UInt8(ascii: "*"): emit(.mul)
        case UInt8(ascii: "/"): emit(.div)
        case UInt8(ascii: "%"): emit(.mod)
        case UInt8(ascii: "+"): emit(.add)
        case UInt8(ascii: "-"): emit(.sub)
        case UInt8(ascii: "^"): emit(.pow)
        case UInt8(ascii: "@"): emit(.at)
        case UInt8(ascii: "="):
            let following = peek()
            if following == Lexer.character("=") {
                _ = next()
                emit(.equalEqual)
            } else if following == Lexer.character("~") {
                return fail("unexpected character after '=': \(GoQuote.rune(following))")
            } else {
                emit(.equal)
            }
        case UInt8(ascii: "!"):
            let following = next()
            guard following == Lexer.character("=") else {
                return fail("unexpected character after '!': \(GoQuote.rune(following))")
            }
            emit(.notEqual)
        case UInt8(ascii: "<"):
            if peek() == Lexer.character("=") {
                _ = next()
                emit(.lessOrEqual)
            } else {
                emit(.less)
            }
        case UInt8(ascii: ">"):
            if peek() == Lexer.character("=") {
                _ = next()
                emit(.greaterOrEqual)
            } else {
                emit(.greater)
            }
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return lexString(quote: rune)
        case UInt8(ascii: "`"): return lexRawString()
        case UInt8(ascii: "("):
            emit(.leftParen)
            parenDepth += 1
        case UInt8(ascii: ")"):
            // Prometheus emits the parenthesis and then overwrites it with the error.
            parenDepth -= 1
            if parenDepth < 0 {
                ignore()
                return fail("unexpected right parenthesis \(GoQuote.rune(rune))")
            }
            emit(.rightParen)
        case UInt8(ascii: "{"):
            emit(.leftBrace)
            braceOpen = true
            return .insideBraces
        case UInt8(ascii: "["):
            if bracketOpen { return fail("unexpected left bracket \(GoQuote.rune(rune))") }
            gotColon = false
            emit(.leftBracket)
            skipSpaces()
            bracketOpen = true
            return .duration
        case UInt8(ascii: "]"):
            if !bracketOpen { return fail("unexpected right bracket \(GoQuote.rune(rune))") }
            emit(.rightBracket)
            bracketOpen = false
        default:
            return fail("unexpected character: \(GoQuote.rune(rune))")
        }
        return .statements
    }

    /// Inside `{…}` every word is a label name, keywords included.
    mutating func lexInsideBraces() -> State? {
        if atComment {
            skipLineComment()
            return .statements
        }
        let rune = next()
        switch rune {
        case Lexer.endOfInput: return fail("unexpected end of input inside braces")
        case _ where Lexer.isSpace(rune): skipSpaces()
        case _ where Lexer.isAlpha(rune):
            while Lexer.isAlphaNumeric(next()) {}
            backup()
            emit(.identifier)
            return .statements
        case Lexer.character(","): emit(.comma)
        case Lexer.character("\""), Lexer.character("'"): return lexString(quote: rune)
        case Lexer.character("`"): return lexRawString()
        case Lexer.character("="):
            if next() == Lexer.character("~") {
                emit(.equalRegex)
            } else {
                backup()
                emit(.equal)
            }
        case Lexer.character("!"):
            let following = next()
            if following == Lexer.character("~") {
                emit(.notEqualRegex)
            } else if following == Lexer.character("=") {
                emit(.notEqual)
            } else {
                return fail("unexpected character after '!' inside braces: \(GoQuote.rune(following))")
            }
        case Lexer.character("{"): return fail("unexpected left brace \(GoQuote.rune(rune))")
        case Lexer.character("}"):
            emit(.rightBrace)
            braceOpen = false
            return seriesDescription ? .valueSequence : .statements
        default: return fail("unexpected character inside braces: \(GoQuote.rune(rune))")
        }
        return .insideBraces
    }

    /// The values after a series description's labels: `1+2x3 _ stale`.
    mutating func lexValueSequence() -> State? {
        let rune = next()
        switch rune {
        case Lexer.endOfInput: return .statements
        case _ where Lexer.isSpace(rune):
            emit(.space)
            skipSpaces()
        case Lexer.character("+"): emit(.add)
        case Lexer.character("-"): emit(.sub)
        case Lexer.character("x"): emit(.times)
        case Lexer.character("_"): emit(.blank)
        case _ where Lexer.isDigit(rune) || (rune == Lexer.character(".") && Lexer.isDigit(peek())):
            backup()
            if !scanNumber() { return fail("bad number syntax: \(GoQuote.string(text(from: start, to: pos)))") }
            emit(.number)
        case _ where Lexer.isAlpha(rune):
            backup()
            return lexKeywordOrIdentifier()
        default: return fail("unexpected character in series sequence: \(GoQuote.rune(rune))")
        }
        return .valueSequence
    }

    /// A word outside braces: a keyword (any case), an identifier, or a metric name with `:`.
    mutating func lexKeywordOrIdentifier() -> State? {
        var hasColon = false
        while true {
            let rune = next()
            if rune == Lexer.character(":") {
                hasColon = true
            } else if !Lexer.isAlphaNumeric(rune) {
                break
            }
        }
        backup()
        let kind = TokenKind.keyword(input[start..<pos]) ?? (hasColon ? .metricIdentifier : .identifier)
        emit(kind)
        if seriesDescription && peek() != Lexer.character("{") { return .valueSequence }
        return .statements
    }
}
