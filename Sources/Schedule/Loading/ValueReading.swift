/// Typed reads of field values, each reporting a wrong type or an out-of-range value at the value
/// itself. A nil input (a missing optional field) reads as nil without complaint.
extension ProgramReader {
    mutating func string(_ value: JSONValue?, _ path: @autoclosure () -> String) -> String? {
        guard let value else { return nil }
        guard case .string(let text) = value.kind else {
            issues.report(path(), at: value.position, "must be a string, not \(describe(value))")
            return nil
        }
        return text
    }

    /// A string that names something (an id): not empty.
    mutating func identifier(_ value: JSONValue?, _ path: @autoclosure () -> String) -> String? {
        guard let text = string(value, path()) else { return nil }
        guard !text.isEmpty else {
            issues.report(path(), at: value?.position, "must not be empty")
            return nil
        }
        return text
    }

    mutating func wholeNumber(
        _ value: JSONValue?, in range: ClosedRange<Int>, _ path: @autoclosure () -> String
    ) -> Int? {
        guard let value else { return nil }
        guard let number = value.integer, range.contains(number) else {
            let bounds =
                range.upperBound == Int.max
                ? "(\(range.lowerBound) or more)" : "from \(range.lowerBound) to \(range.upperBound)"
            issues.report(path(), at: value.position, "must be a whole number \(bounds), not \(describe(value))")
            return nil
        }
        return number
    }

    mutating func boolean(_ value: JSONValue?, _ path: @autoclosure () -> String) -> Bool? {
        guard let value else { return nil }
        guard case .bool(let flag) = value.kind else {
            issues.report(path(), at: value.position, "must be true or false, not \(describe(value))")
            return nil
        }
        return flag
    }

    mutating func array(_ value: JSONValue?, _ path: @autoclosure () -> String) -> [JSONValue]? {
        guard let value else { return nil }
        guard case .array(let elements) = value.kind else {
            issues.report(path(), at: value.position, "must be a list ([…]), not \(describe(value))")
            return nil
        }
        return elements
    }

    /// A `YYYY-MM-DD` date that exists.
    mutating func day(_ value: JSONValue?, _ path: @autoclosure () -> String) -> Day? {
        guard let value, let text = string(value, path()) else { return nil }
        guard let day = isoDay(text) else {
            issues.report(path(), at: value.position, dateMessage(text))
            return nil
        }
        return day
    }
}

/// `Day(iso:)` without its byte array: the same rule (exactly `YYYY-MM-DD`, a day that exists),
/// read straight from the string, since a schedule holds a date per assignment.
func isoDay(_ text: String) -> Day? {
    var parts = (year: 0, month: 0, day: 0)
    var offset = 0
    for byte in text.utf8 {
        guard offset < 10 else { return nil }
        if offset == 4 || offset == 7 {
            guard byte == UInt8(ascii: "-") else { return nil }
        } else {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch offset {
            case 0..<4: parts.year = parts.year * 10 + digit
            case 5..<7: parts.month = parts.month * 10 + digit
            default: parts.day = parts.day * 10 + digit
            }
        }
        offset += 1
    }
    guard offset == 10 else { return nil }
    return Day(year: parts.year, month: parts.month, day: parts.day)
}

/// Why `text` is not a date: not shaped YYYY-MM-DD, or a day that does not exist.
private func dateMessage(_ text: String) -> String {
    let isDateShaped =
        text.utf8.count == 10
        && text.utf8.enumerated().allSatisfy { offset, byte in
            offset == 4 || offset == 7 ? byte == UInt8(ascii: "-") : (0x30...0x39).contains(byte)
        }
    if isDateShaped { return "\(quote(text)) is not a day of the calendar" }
    return "\(quote(text)) is not a date; write it as YYYY-MM-DD"
}

/// How a message shows a value a person wrote: strings quoted (and shortened), numbers as written.
func describe(_ value: JSONValue) -> String {
    switch value.kind {
    case .object: return "an object"
    case .array: return "a list"
    case .string(let text): return quote(text)
    case .number(let number): return format(number)
    case .bool(let flag): return flag ? "true" : "false"
    case .null: return "null"
    }
}

/// `"text"`, cut to 60 characters.
func quote(_ text: String) -> String {
    let shown = text.count > 60 ? text.prefix(57) + "…" : Substring(text)
    return "\"" + shown + "\""
}

/// A number as a person would write it: `5`, `2.5`, `1e+300`.
func format(_ number: Double) -> String {
    if number.rounded(.towardZero) == number, abs(number) < 1e15 { return String(Int(number)) }
    return String(number)
}
