extension JSONReader {
    /// Reads a string whose opening quote is at the cursor. Plain strings (no escapes) are copied
    /// straight from the input; short ones fit in the String itself and allocate nothing.
    mutating func readString(startingAt position: JSONPosition) throws(JSONSyntaxError) -> String {
        index += 1
        let contentStart = index
        var isASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<index])
                let text = try makeString(content, isASCII, position)
                if !isASCII { tracker.countContinuationBytes(in: content) }
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: bytes[contentStart..<index])
                let text = try readEscapedRest(isASCII: isASCII, startingAt: position)
                tracker.countContinuationBytes(in: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]))
                return text
            }
            if byte < 0x20 { throw controlCharacterFailure(at: index) }
            if byte >= 0x80 { isASCII = false }
            index += 1
        }
        throw JSONSyntaxError(position: position, message: "unterminated string (missing closing '\"')")
    }

    private mutating func readEscapedRest(
        isASCII startsASCII: Bool, startingAt position: JSONPosition
    ) throws(JSONSyntaxError) -> String {
        var isASCII = startsASCII
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                let buffer = scratch
                return try buffer.withUnsafeBufferPointer { (text) throws(JSONSyntaxError) -> String in
                    try makeString(text, isASCII, position)
                }
            case UInt8(ascii: "\\"):
                if try readEscape() { isASCII = false }
            case 0..<0x20:
                throw controlCharacterFailure(at: index)
            default:
                if byte >= 0x80 { isASCII = false }
                scratch.append(byte)
                index += 1
            }
        }
        throw JSONSyntaxError(position: position, message: "unterminated string (missing closing '\"')")
    }

    /// Appends one escape sequence (cursor on its backslash) to `scratch`; true when it produced a
    /// non-ASCII scalar.
    private mutating func readEscape() throws(JSONSyntaxError) -> Bool {
        let start = index
        index += 1
        guard index < bytes.count else {
            throw failure(at: start, "unterminated string")
        }
        let simple: UInt8
        switch bytes[index] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            index += 1
            let scalar = try readUnicodeEscape(escapeStart: start)
            scratch.append(contentsOf: UTF8.encode(scalar).map { Array($0) } ?? [])
            return scalar.value >= 0x80
        default:
            throw failure(
                at: start,
                "invalid escape \"\\\(describeEscaped(at: index))\" (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"
            )
        }
        scratch.append(simple)
        index += 1
        return false
    }

    /// Reads the XXXX of `\uXXXX` (cursor just after the `u`), and the low half of a surrogate pair.
    private mutating func readUnicodeEscape(escapeStart: Int) throws(JSONSyntaxError) -> Unicode.Scalar {
        let high = try readHex4(escapeStart: escapeStart)
        switch high {
        case 0xD800...0xDBFF:
            guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else {
                throw failure(at: escapeStart, "\\u\(hex4(high)) is half of a surrogate pair; the low half must follow")
            }
            let lowStart = index
            index += 2
            let low = try readHex4(escapeStart: lowStart)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw failure(at: lowStart, "\\u\(hex4(low)) cannot follow \\u\(hex4(high)): expected a low surrogate")
            }
            let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(combined) else { throw failure(at: escapeStart, "invalid \\u escape") }
            return scalar
        case 0xDC00...0xDFFF:
            throw failure(at: escapeStart, "\\u\(hex4(high)) is a lone low surrogate")
        default:
            guard let scalar = Unicode.Scalar(high) else { throw failure(at: escapeStart, "invalid \\u escape") }
            return scalar
        }
    }

    private mutating func readHex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexDigit(bytes[index]) else {
                throw failure(at: escapeStart, "\\u must be followed by four hexadecimal digits")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private func describeEscaped(at offset: Int) -> String {
        let byte = bytes[offset]
        return (0x21..<0x7F).contains(byte) ? String(Character(Unicode.Scalar(byte))) : hexScalar(UInt32(byte))
    }

    private func controlCharacterFailure(at offset: Int) -> JSONSyntaxError {
        let byte = bytes[offset]
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            return failure(at: offset, "line break inside a string (missing closing '\"'? write \\n for a line break)")
        }
        return failure(at: offset, "control character \(hexScalar(UInt32(byte))) inside a string; escape it as \\u00XX")
    }

    private func makeString(
        _ text: UnsafeBufferPointer<UInt8>, _ isASCII: Bool, _ position: JSONPosition
    ) throws(JSONSyntaxError) -> String {
        if isASCII { return String(decoding: text, as: UTF8.self) }
        guard let valid = String(validating: text, as: UTF8.self) else {
            throw JSONSyntaxError(position: position, message: "the string is not valid UTF-8")
        }
        return valid
    }
}
