/// Byte classes of the text exposition format, as Prometheus' lexer (promlex.l) defines them.
enum ExpositionBytes {
    static let newline: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let hash: UInt8 = 0x23
    static let quote: UInt8 = 0x22
    static let backslash: UInt8 = 0x5C
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let equals: UInt8 = 0x3D
    static let comma: UInt8 = 0x2C

    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// `[a-zA-Z_]`
    @inline(__always)
    static func isLabelNameStart(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 || byte == 0x5F }

    /// `[a-zA-Z_0-9]`
    @inline(__always)
    static func isLabelNameByte(_ byte: UInt8) -> Bool { isLabelNameStart(byte) || isDigit(byte) }

    /// `[a-zA-Z_:]`
    @inline(__always)
    static func isMetricNameStart(_ byte: UInt8) -> Bool { isLabelNameStart(byte) || byte == 0x3A }

    /// `[a-zA-Z_:0-9]`
    @inline(__always)
    static func isMetricNameByte(_ byte: UInt8) -> Bool { isMetricNameStart(byte) || isDigit(byte) }

    /// Offset of the first byte of `bytes[range]` that does not start or continue valid UTF-8 (Unicode's
    /// well-formed sequences: no overlongs, surrogates or values past U+10FFFF), or nil when all is valid.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return index
            }
            guard index + length <= range.upperBound else { return index }
            guard bytes[index + 1] >= low && bytes[index + 1] <= high else { return index }
            for next in (index + 2)..<(index + length) where bytes[next] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}
