/// The value of a string token: quotes removed and escapes decoded as Prometheus' `strutil.Unquote`
/// does (`\x` and octal escapes are bytes; `\u` and `\U` are characters). The lexer has already
/// rejected malformed escapes.
enum StringUnquote {
    static func value(_ token: ArraySlice<UInt8>) -> String {
        guard token.count >= 2, let quote = token.first else { return "" }
        let body = token.dropFirst().dropLast()
        if quote == UInt8(ascii: "`") || !body.contains(UInt8(ascii: "\\")) {
            return String(decoding: body, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < body.endIndex else {
                out.append(byte)
                continue
            }
            let escape = body[index]
            index += 1
            switch escape {
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                let value = number(body, from: index - 1, count: 3, radix: 8)
                index += 2
                out.append(UInt8(truncatingIfNeeded: value))
            case UInt8(ascii: "x"):
                out.append(UInt8(truncatingIfNeeded: number(body, from: index, count: 2, radix: 16)))
                index += 2
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let count = escape == UInt8(ascii: "u") ? 4 : 8
                let scalar = Unicode.Scalar(number(body, from: index, count: count, radix: 16)) ?? "\u{FFFD}"
                out.append(contentsOf: String(Character(scalar)).utf8)
                index += count
            default: out.append(escape)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func number(_ body: ArraySlice<UInt8>, from: Int, count: Int, radix: UInt32) -> UInt32 {
        var value: UInt32 = 0
        for position in from..<min(from + count, body.endIndex) {
            let byte = body[position]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            default: digit = 0
            }
            value = value &* radix &+ digit
        }
        return value
    }
}
