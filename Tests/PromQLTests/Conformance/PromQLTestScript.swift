import TimeSeries

@testable import PromQL

/// A Prometheus `.test` file read as `promql/test.go` (2.42) reads it: `load <interval>` blocks of
/// series lines, `clear`, and `eval[_fail|_ordered] instant at <duration> <expr>` with the expected
/// samples (`{labels} value`, or one bare number for a scalar) up to the next blank line.
struct PromQLTestScript {
    enum Command {
        case clear
        case load(interval: Int64, series: [(labels: Labels, values: [SeriesValue])])
        case eval(Evaluation)
    }

    /// One `eval` command and what it expects.
    struct Evaluation {
        /// 1-based line of the `eval` command.
        var line: Int
        var expression: String
        /// ms after the Unix epoch.
        var time: Int64
        var mustFail: Bool
        var ordered: Bool
        /// A bare number after the command: the expected scalar.
        var scalar: Double?
        /// Expected elements by labels, with their 1-based line within the block (for `eval_ordered`).
        var expected: [Labels: (position: Int, value: Double)] = [:]
        /// Why the block itself could not be read, if it could not.
        var problem: String?
    }

    private(set) var commands: [Command] = []
    /// Lines that are not commands Prometheus knows, or load lines that do not parse.
    private(set) var problems: [String] = []

    init(_ text: String) {
        // Prometheus trims every line and blanks comment lines.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = Self.trimmed(String(line))
            return trimmed.hasPrefix("#") ? "" : trimmed
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.isEmpty {
                index += 1
                continue
            }
            let word = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { $0.lowercased() } ?? ""
            if word == "clear" {
                commands.append(.clear)
                index += 1
            } else if word == "load" {
                index = readLoad(lines, index)
            } else if word.hasPrefix("eval") {
                index = readEval(lines, index)
            } else {
                problems.append("line \(index + 1): invalid command \(line)")
                index += 1
            }
        }
    }

    /// The block's lines after `start`, up to the next blank line.
    private static func block(_ lines: [String], after start: Int) -> ArraySlice<String> {
        var end = start + 1
        while end < lines.count && !lines[end].isEmpty { end += 1 }
        return lines[(start + 1)..<end]
    }

    private mutating func readLoad(_ lines: [String], _ start: Int) -> Int {
        let body = Self.block(lines, after: start)
        let words = lines[start].split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2, let interval = PromQLParser.parseDuration(String(words[1])) else {
            problems.append("line \(start + 1): invalid load command \(lines[start])")
            return body.endIndex
        }
        var series: [(labels: Labels, values: [SeriesValue])] = []
        for (offset, line) in body.enumerated() {
            do {
                let parsed = try SeriesNotation.parseLine(line)
                series.append((parsed.labels, parsed.values))
            } catch {
                problems.append("line \(start + offset + 2): \(error)")
            }
        }
        commands.append(.load(interval: interval, series: series))
        return body.endIndex
    }

    private mutating func readEval(_ lines: [String], _ start: Int) -> Int {
        let line = lines[start]
        guard let header = Self.evalHeader(line) else {
            problems.append("line \(start + 1): invalid evaluation command \(line)")
            return start + 1
        }
        var evaluation = Evaluation(
            line: start + 1, expression: header.expression, time: 0, mustFail: header.modifier == "fail",
            ordered: header.modifier == "ordered")
        if let at = PromQLParser.parseDuration(header.at) {
            evaluation.time = at
        } else {
            evaluation.problem = "invalid time \(header.at)"
        }
        var index = start + 1
        var position = 1
        while index < lines.count && !lines[index].isEmpty {
            let expectation = lines[index]
            index += 1
            if let number = Self.parseNumber(expectation) {
                evaluation.scalar = number
                break
            }
            do {
                let parsed = try SeriesNotation.parseLine(expectation)
                guard parsed.values.count == 1, case .value(let value) = parsed.values[0] else {
                    evaluation.problem = "line \(index): expected one value in \(expectation)"
                    break
                }
                evaluation.expected[parsed.labels] = (position, value)
            } catch {
                evaluation.problem = "line \(index): \(error)"
            }
            position += 1
        }
        commands.append(.eval(evaluation))
        return index
    }

    /// `eval[_fail|_ordered] instant at <duration> <expr>` split into its parts.
    static func evalHeader(_ line: String) -> (modifier: String, at: String, expression: String)? {
        var words = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true).map(String.init)
        guard words.count == 5, words[1] == "instant", words[2] == "at" else { return nil }
        let command = words.removeFirst()
        let modifier: String
        switch command {
        case "eval": modifier = ""
        case "eval_fail": modifier = "fail"
        case "eval_ordered": modifier = "ordered"
        default: return nil
        }
        return (modifier, words[2], trimmed(words[3]))
    }

    /// Go's `strconv.ParseInt(s, 0, 64)` (prefixes 0x, 0o, 0b and a leading 0 for octal), else `ParseFloat`.
    static func parseNumber(_ text: String) -> Double? {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        var radix = 10
        let lower = digits.lowercased()
        if lower.hasPrefix("0x") {
            radix = 16
            digits = digits.dropFirst(2)
        } else if lower.hasPrefix("0o") {
            radix = 8
            digits = digits.dropFirst(2)
        } else if lower.hasPrefix("0b") {
            radix = 2
            digits = digits.dropFirst(2)
        } else if digits.count > 1 && digits.hasPrefix("0") {
            radix = 8
            digits = digits.dropFirst()
        }
        if !digits.isEmpty, let magnitude = Int64(digits, radix: radix) {
            return Double(negative ? -magnitude : magnitude)
        }
        return GoParseFloat.parse(text)
    }

    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
