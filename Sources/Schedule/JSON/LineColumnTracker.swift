/// Line and column bookkeeping for the parser.
///
/// Line breaks can only occur in whitespace (strings may not hold raw control characters), and
/// non-ASCII bytes only inside strings, so the reader keeps the current line and its start while
/// skipping whitespace and counts UTF-8 continuation bytes of the strings it has read: a value's
/// column is then one subtraction. Errors, which happen once, are positioned by rescanning.
struct LineColumnTracker {
    /// 1-based number of the line the cursor is on.
    var line = 1
    /// Offset of the first byte of that line.
    var lineStart = 0
    /// UTF-8 continuation bytes between `lineStart` and the cursor (they take no column).
    var continuationBytes = 0

    /// The position of `offset`, which must lie on the current line outside any unread string.
    func position(of offset: Int) -> JSONPosition {
        JSONPosition(line: line, column: offset - lineStart - continuationBytes + 1)
    }

    /// Notes the line break at `offset` (`\n`, `\r` or the `\n` of `\r\n`).
    mutating func lineBreak(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        let isSecondHalfOfCRLF =
            bytes[offset] == UInt8(ascii: "\n") && offset > 0 && bytes[offset - 1] == UInt8(ascii: "\r")
        if !isSecondHalfOfCRLF { line += 1 }
        lineStart = offset + 1
        continuationBytes = 0
    }

    /// Notes the continuation bytes of a string just read (only called for non-ASCII strings).
    mutating func countContinuationBytes(in text: UnsafeBufferPointer<UInt8>) {
        for byte in text where byte & 0xC0 == 0x80 { continuationBytes += 1 }
    }

    /// The position of any offset, by scanning from `origin` (after a byte-order mark, if any).
    static func scan(to target: Int, in bytes: UnsafeBufferPointer<UInt8>, from origin: Int) -> JSONPosition {
        var line = 1
        var column = 1
        var offset = origin
        while offset < min(target, bytes.count) {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\n") {
                if offset == 0 || bytes[offset - 1] != UInt8(ascii: "\r") { line += 1 }
                column = 1
            } else if byte == UInt8(ascii: "\r") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return JSONPosition(line: line, column: column)
    }
}
