import PromQL

/// Go's `fmt.Sprintf` for the verbs templates use: `%s %v %d %f %e %g %q %x %t %%` with flags `-`, `0`, `+`,
/// width and precision; a mismatched argument prints as Go does (`%!d(float64=1.5)`).
enum GoPrintf {
    static func format(_ format: String, _ arguments: [TemplateValue]) -> String {
        var output = ""
        var remaining = arguments[...]
        var characters = format[...]
        while let character = characters.first {
            characters = characters.dropFirst()
            guard character == "%" else {
                output.append(character)
                continue
            }
            var leftAlign = false
            var zeroPad = false
            var plus = false
            while let flag = characters.first, "-0+ #".contains(flag) {
                if flag == "-" { leftAlign = true }
                if flag == "0" { zeroPad = true }
                if flag == "+" { plus = true }
                characters = characters.dropFirst()
            }
            let widthDigits = characters.prefix { $0.isNumber }
            characters = characters.dropFirst(widthDigits.count)
            var precision: Int?
            if characters.first == "." {
                characters = characters.dropFirst()
                let digits = characters.prefix { $0.isNumber }
                characters = characters.dropFirst(digits.count)
                let requested = digits.isEmpty ? 0 : Int(digits) ?? Int.max
                if requested > 1_000_000 {
                    // Go's fmt refuses a precision over a million rather than allocate it.
                    output += "%!(BADPREC)"
                } else {
                    precision = requested
                }
            }
            guard let verb = characters.first else {
                output += "%!(NOVERB)"
                break
            }
            characters = characters.dropFirst()
            if verb == "%" {
                output += "%"
                continue
            }
            guard let argument = remaining.first else {
                output += "%!\(verb)(MISSING)"
                continue
            }
            remaining = remaining.dropFirst()
            var text = render(verb, argument, precision: precision, plus: plus)
            var width = widthDigits.isEmpty ? nil : Int(widthDigits) ?? Int.max
            if let requested = width, requested > 1_000_000 {
                // Likewise a width over a million.
                output += "%!(BADWIDTH)"
                width = nil
            }
            if let width, text.count < width {
                let padding = width - text.count
                if leftAlign {
                    text += String(repeating: " ", count: padding)
                } else if zeroPad && "dfeg".contains(verb) {
                    let negative = text.hasPrefix("-") || text.hasPrefix("+")
                    let sign = negative ? String(text.prefix(1)) : ""
                    text = sign + String(repeating: "0", count: padding) + text.dropFirst(sign.count)
                } else {
                    text = String(repeating: " ", count: padding) + text
                }
            }
            output += text
        }
        if !remaining.isEmpty {
            output += "%!(EXTRA " + remaining.map { "\($0.typeName)=\($0.printed)" }.joined(separator: ", ") + ")"
        }
        return output
    }

    private static func render(_ verb: Character, _ argument: TemplateValue, precision: Int?, plus: Bool) -> String {
        let bad = "%!\(verb)(\(argument.typeName)=\(argument.printed))"
        switch (verb, argument) {
        case ("v", _), ("s", .string), ("s", .html):
            if let precision, case .string(let text) = argument { return String(text.prefix(precision)) }
            return argument.printed
        case ("s", _): return bad
        case ("d", .int(let value)): return (plus && value >= 0 ? "+" : "") + String(value)
        case ("t", .bool(let value)): return value ? "true" : "false"
        case ("q", .string(let text)): return quoted(text)
        case ("x", .int(let value)): return String(value, radix: 16)
        case ("X", .int(let value)): return String(value, radix: 16, uppercase: true)
        case ("x", .string(let text)):
            return text.utf8.map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        case ("f", _), ("F", _), ("e", _), ("g", _):
            let value: Double
            switch argument {
            case .float(let number): value = number
            default: return bad
            }
            let sign = plus && value >= 0 && !value.isNaN ? "+" : ""
            switch verb {
            case "e": return sign + GoFloatRendering.exponent(value, precision: precision ?? 6)
            case "g":
                return sign
                    + (precision.map { GoFloatRendering.general(value, precision: $0) }
                        ?? GoFloatRendering.general(value))
            default: return sign + GoFloatRendering.fixed(value, precision: precision ?? 6)
            }
        default: return bad
        }
    }

    /// `strconv.Quote` for printable text.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
