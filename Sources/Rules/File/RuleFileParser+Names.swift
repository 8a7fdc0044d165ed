extension RuleFileParser {
    /// `[a-zA-Z_][a-zA-Z0-9_]*`, Prometheus' label names.
    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || isDigit($0) }
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`, Prometheus' metric names.
    static func isMetricName(_ name: String) -> Bool {
        let colon = UInt8(ascii: ":")
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || first == colon || isLetter(first) else {
            return false
        }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || $0 == colon || isLetter($0) || isDigit($0) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
