/// Go's `Regexp.Expand` for `label_replace`'s replacement: `$1`, `${1}`, `$name`, `${name}` and `$$`.
///
/// As in Go, a name runs as far as letters, digits and underscores go, so `$1x` names a group called
/// `1x` (usually absent: it expands to nothing); a number with a leading zero is a name; a `$` not
/// followed by a valid reference is kept literally.
enum GoRegexTemplate {
    /// One capture group of a match: its name (if any) and the text it matched (nil when the group
    /// did not participate). Index 0 is the whole match.
    struct Group {
        var name: String?
        var text: Substring?
    }

    static func expand(_ template: String, groups: [Group]) -> String {
        let scalars = Array(template.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "$" else {
                output.append(scalar)
                index += 1
                continue
            }
            index += 1
            if index < scalars.count && scalars[index] == "$" {
                output.append("$")
                index += 1
                continue
            }
            guard let (name, next) = reference(in: scalars, from: index) else {
                output.append("$")
                continue
            }
            index = next
            if let text = lookup(name, in: groups) { output.append(contentsOf: text.unicodeScalars) }
        }
        return String(output)
    }

    /// The name after a `$` (starting at `start`) and the index after the reference.
    private static func reference(in scalars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        var index = start
        let braced = index < scalars.count && scalars[index] == "{"
        if braced { index += 1 }
        let nameStart = index
        while index < scalars.count && isNameScalar(scalars[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<index]))
        if braced {
            guard index < scalars.count && scalars[index] == "}" else { return nil }
            index += 1
        }
        return (name, index)
    }

    private static func lookup(_ name: String, in groups: [Group]) -> Substring? {
        if let number = groupNumber(name) {
            return number < groups.count ? groups[number].text : nil
        }
        for group in groups where group.name == name && group.text != nil {
            return group.text
        }
        return nil
    }

    /// Go's `extract` number rule: all ASCII digits, below 10^8 while reading, no leading zero.
    private static func groupNumber(_ name: String) -> Int? {
        var number = 0
        for byte in name.utf8 {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") && number < 100_000_000 else { return nil }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        if name.utf8.count > 1 && name.utf8.first == UInt8(ascii: "0") { return nil }
        return number
    }

    /// Go's `unicode.IsLetter`, `unicode.IsDigit` or `_`.
    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }
}
