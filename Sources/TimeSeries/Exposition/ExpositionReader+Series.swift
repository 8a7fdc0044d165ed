extension ExpositionReader {
    /// Reads the series part of a line token by token, as Prometheus' lexer does: the metric name, then
    /// optionally (after blanks) `{`, label pairs `name = "value"` each followed by an optional `,`, and `}`.
    /// Returns the labels and the index where the series part ends.
    mutating func readSeries(at start: Int) throws(ExpositionParseError) -> (Labels, Int) {
        var index = start + 1
        while Bytes.isMetricNameByte(bytes[index]) { index += 1 }
        var pairs: [(label: Label, offset: Int)] = [(Label(Label.metricName, string(start..<index)), start)]
        let nameEnd = index
        index = skipBlanks(from: index)
        guard bytes[index] == Bytes.openBrace else { return (try labels(pairs), nameEnd) }
        index = try readLabels(from: index + 1, into: &pairs)
        return (try labels(pairs), index)
    }

    /// The pairs after `{`; returns the index after `}`.
    private mutating func readLabels(from start: Int, into pairs: inout [(label: Label, offset: Int)])
        throws(ExpositionParseError) -> Int
    {
        var index = start
        while true {
            index = skipBlanks(from: index)
            if bytes[index] == Bytes.closeBrace { return index + 1 }
            guard Bytes.isLabelNameStart(bytes[index]) else {
                throw failure(index, "expected a label name or '}'")
            }
            let nameStart = index
            while Bytes.isLabelNameByte(bytes[index]) { index += 1 }
            let name = string(nameStart..<index)
            index = skipBlanks(from: index)
            guard bytes[index] == Bytes.equals else { throw failure(index, "expected '=' after label name") }
            index = skipBlanks(from: index + 1)
            guard bytes[index] == Bytes.quote else {
                throw failure(index, "expected '\"' to open the value of label \"\(name)\"")
            }
            let (value, after) = try readLabelValue(from: index + 1)
            pairs.append((Label(name, value), nameStart))
            index = skipBlanks(from: after)
            if bytes[index] == Bytes.comma { index += 1 }
        }
    }

    /// A label value after its opening quote: any bytes but an unescaped `"` (raw newlines included, as
    /// Prometheus' lexer allows), `\` escaping any byte but a newline; `\\`, `\"`, `\n` are unescaped and
    /// any other escape is kept as written. Returns the value and the index after the closing quote.
    private mutating func readLabelValue(from start: Int) throws(ExpositionParseError) -> (String, Int) {
        var index = start
        var escaped = false
        let end = bytes.count
        while true {
            guard index < end else { throw failure(start - 1, "unterminated label value") }
            let byte = bytes[index]
            if byte == Bytes.quote { break }
            if byte == Bytes.backslash {
                guard index + 1 < end, bytes[index + 1] != Bytes.newline else {
                    throw failure(index, "unterminated label value")
                }
                escaped = true
                index += 2
            } else {
                index += 1
            }
        }
        if let bad = Bytes.firstInvalidUTF8(bytes, start..<index) {
            throw failure(bad, "invalid UTF-8 in label value")
        }
        return (escaped ? unescape(start..<index) : string(start..<index), index + 1)
    }

    private mutating func unescape(_ range: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == Bytes.backslash && index + 1 < range.upperBound {
                switch bytes[index + 1] {
                case Bytes.backslash, Bytes.quote:
                    out.append(bytes[index + 1])
                    index += 2
                    continue
                case 0x6E:
                    out.append(Bytes.newline)
                    index += 2
                    continue
                default: break
                }
            }
            out.append(byte)
            index += 1
        }
        return interned(String(decoding: out, as: UTF8.self))
    }

    /// Sorted labels without empty values; a name given twice is an error at its second occurrence.
    private func labels(_ pairs: [(label: Label, offset: Int)]) throws(ExpositionParseError) -> Labels {
        var sorted = pairs
        // Few labels a line: insertion sort, stable, so equal names keep their order.
        for position in 1..<max(1, sorted.count) {
            let item = sorted[position]
            var target = position
            while target > 0 && sorted[target - 1].label.name > item.label.name {
                sorted[target] = sorted[target - 1]
                target -= 1
            }
            sorted[target] = item
        }
        for position in 1..<max(1, sorted.count) where sorted[position].label.name == sorted[position - 1].label.name {
            let later = max(sorted[position].offset, sorted[position - 1].offset)
            throw failure(later, "duplicate label name \"\(sorted[position].label.name)\"")
        }
        return Labels(sortedUnique: sorted.lazy.map(\.label).filter { !$0.value.isEmpty })
    }

    private mutating func string(_ range: Range<Int>) -> String {
        interned(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }

    /// Strings longer than Swift's inline limit are shared between the series of a target.
    private mutating func interned(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        if let index = strings.firstIndex(of: text) { return strings[index] }
        strings.insert(text)
        return text
    }
}
