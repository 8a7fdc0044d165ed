/// The parser's cursor over the input bytes: values, objects and arrays (strings and numbers are
/// in their own files).
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var index = 0
    /// Where the document starts (3 after a UTF-8 byte-order mark).
    var origin = 0
    var tracker = LineColumnTracker()
    /// Reused for strings with escapes, so they cost one allocation (the String) each.
    var scratch: [UInt8] = []
    /// The sizes of the last object and array read. Siblings in a JSON document tend to share a
    /// shape (a hundred thousand five-key assignments), so each new one reserves that much up front
    /// instead of growing through 1, 2, 4, 8.
    var lastObjectSize = 0
    var lastArraySize = 0
    private static let largestSizeHint = 64

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func readDocument() throws(JSONSyntaxError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
            origin = 3
            tracker.lineStart = 3
        }
        skipWhitespace()
        guard index < bytes.count else { throw failure(at: index, "the file holds no JSON value (it is empty)") }
        let value = try readValue(depth: 0)
        skipWhitespace()
        if index < bytes.count {
            throw failure(at: index, "unexpected \(describeByte(at: index)) after the end of the JSON document")
        }
        return value
    }

    // MARK: Values

    mutating func readValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        let position = tracker.position(of: index)
        switch peek {
        case UInt8(ascii: "{"):
            return JSONValue(try readObject(depth: depth + 1), at: position)
        case UInt8(ascii: "["):
            return JSONValue(try readArray(depth: depth + 1), at: position)
        case UInt8(ascii: "\""):
            return JSONValue(.string(try readString(startingAt: position)), at: position)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(.number(try readNumber()), at: position)
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return JSONValue(.bool(true), at: position)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return JSONValue(.bool(false), at: position)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return JSONValue(.null, at: position)
        default:
            throw failure(at: index, unexpectedValueMessage())
        }
    }

    private mutating func readObject(depth: Int) throws(JSONSyntaxError) -> JSONValue.Kind {
        guard depth <= maxDepth else { throw failure(at: index, "arrays and objects nest more than \(maxDepth) deep") }
        index += 1
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return .object([])
        }
        var members: [JSONMember] = []
        members.reserveCapacity(lastObjectSize)
        var keys = DuplicateKeyFinder()
        while true {
            guard peek == UInt8(ascii: "\"") else {
                let message =
                    peek == UInt8(ascii: "}") && !members.isEmpty
                    ? "trailing comma before \"}\"; remove the last \",\""
                    : "expected a member name in double quotes, found \(describeByte(at: index))"
                throw failure(at: index, message)
            }
            let keyPosition = tracker.position(of: index)
            let key = try readString(startingAt: keyPosition)
            if let first = keys.firstPosition(of: key, among: members) {
                throw JSONSyntaxError(
                    position: keyPosition,
                    message:
                        "duplicate key \"\(key)\" in one object (first at line \(first.line), column \(first.column))"
                )
            }
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else {
                throw failure(at: index, "expected \":\" after \"\(key)\", found \(describeByte(at: index))")
            }
            index += 1
            skipWhitespace()
            let value = try readValue(depth: depth)
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
            keys.added(to: members)
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                index += 1
                lastObjectSize = min(members.count, Self.largestSizeHint)
                return .object(members)
            default:
                throw failure(at: index, "expected \",\" or \"}\" after a member, found \(describeByte(at: index))")
            }
        }
    }

    private mutating func readArray(depth: Int) throws(JSONSyntaxError) -> JSONValue.Kind {
        guard depth <= maxDepth else { throw failure(at: index, "arrays and objects nest more than \(maxDepth) deep") }
        index += 1
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
            return .array([])
        }
        var elements: [JSONValue] = []
        elements.reserveCapacity(lastArraySize)
        while true {
            if peek == UInt8(ascii: "]") {
                throw failure(at: index, "trailing comma before \"]\"; remove the last \",\"")
            }
            elements.append(try readValue(depth: depth))
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                index += 1
                lastArraySize = min(elements.count, Self.largestSizeHint)
                return .array(elements)
            default:
                throw failure(at: index, "expected \",\" or \"]\" after an element, found \(describeByte(at: index))")
            }
        }
    }

    private mutating func readLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let start = index
        let count = literal.utf8CodeUnitCount
        let matches =
            bytes.count - start >= count
            && literal.withUTF8Buffer { expected in
                expected.indices.allSatisfy { bytes[start + $0] == expected[$0] }
            }
        guard matches else { throw failure(at: start, unexpectedValueMessage()) }
        index += count
    }

    // MARK: Bytes

    /// The byte at the cursor, or 0 at the end of input (callers check `index` when 0 matters).
    var peek: UInt8 { index < bytes.count ? bytes[index] : 0 }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                tracker.lineBreak(at: index, in: bytes)
                index += 1
            default:
                return
            }
        }
    }

    func failure(at offset: Int, _ message: String) -> JSONSyntaxError {
        JSONSyntaxError(position: LineColumnTracker.scan(to: offset, in: bytes, from: origin), message: message)
    }

    private func unexpectedValueMessage() -> String {
        if index < bytes.count, bytes[index] == UInt8(ascii: "'") {
            return "found \"'\": JSON strings use double quotes"
        }
        return "expected a value (object, array, string, number, true, false or null), found \(describeByte(at: index))"
    }

    /// How an error names the byte at `offset`: `"x"`, `end of file`, `control character U+0009`…
    func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of file" }
        let byte = bytes[offset]
        switch byte {
        case 0x20..<0x7F:
            return byte == UInt8(ascii: "\"") ? "'\"'" : "\"\(Character(Unicode.Scalar(byte)))\""
        case 0..<0x20, 0x7F:
            return "control character \(hexScalar(UInt32(byte)))"
        default:
            return "non-ASCII byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }
}

/// `U+0009`-style name of a code point.
func hexScalar(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
