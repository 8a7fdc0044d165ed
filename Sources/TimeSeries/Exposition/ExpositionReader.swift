/// One pass over a scrape body (ending with a newline): lines, comments and samples.
struct ExpositionReader: ~Copyable {
    typealias Bytes = ExpositionBytes

    let bytes: UnsafeBufferPointer<UInt8>
    let defaultTimestamp: Int64
    var cache: SeriesTextCache
    var strings: Set<String>

    func failure(_ offset: Int, _ message: String) -> ExpositionParseError {
        ExpositionParseError.at(offset, in: bytes, message)
    }

    @inline(__always)
    func skipBlanks(from start: Int) -> Int {
        var index = start
        while Bytes.isBlank(bytes[index]) { index += 1 }
        return index
    }

    func quoted(_ start: Int, _ end: Int) -> String {
        "\"" + String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) + "\""
    }

    mutating func readAll(into samples: inout [IngestedSample]) throws(ExpositionParseError) {
        var index = 0
        let end = bytes.count
        while index < end {
            index = skipBlanks(from: index)
            let byte = bytes[index]
            if byte == Bytes.newline {
                index += 1
            } else if byte == 0 {
                // Prometheus' lexer reads a NUL where a line may start as the end of input.
                return
            } else if byte == Bytes.hash {
                index = try readComment(at: index)
            } else if Bytes.isMetricNameStart(byte) {
                index = try readSample(at: index, into: &samples)
            } else {
                throw failure(index, "expected a metric name or '#' at the start of a line")
            }
        }
    }

    /// A `#` line: `# HELP name text`, `# TYPE name type`, or any other comment. Returns the next line's start.
    private func readComment(at start: Int) throws(ExpositionParseError) -> Int {
        var index = start + 1
        let lineEnd = endOfLine(from: index)
        guard Bytes.isBlank(bytes[index]) else { return lineEnd + 1 }
        index = skipBlanks(from: index)
        let isHelp = matches("HELP", at: index)
        let isType = !isHelp && matches("TYPE", at: index)
        guard isHelp || isType, Bytes.isBlank(bytes[index + 4]) else { return lineEnd + 1 }
        let keyword = isHelp ? "HELP" : "TYPE"
        index = skipBlanks(from: index + 4)
        guard Bytes.isMetricNameStart(bytes[index]) else {
            throw failure(index, "expected a metric name after \(keyword)")
        }
        index += 1
        while Bytes.isMetricNameByte(bytes[index]) { index += 1 }
        // The lexer takes the rest of the line as the text and drops its first byte (the separating blank);
        // a rest of blanks only is no text at all.
        let restIsBlank = !(index..<lineEnd).contains { !Bytes.isBlank(bytes[$0]) }
        let text = restIsBlank ? lineEnd..<lineEnd : (index + 1)..<lineEnd
        if isType { try checkType(text) }
        if isHelp, let bad = Bytes.firstInvalidUTF8(bytes, text) {
            throw failure(bad, "invalid UTF-8 in HELP text")
        }
        return lineEnd + 1
    }

    private func checkType(_ range: Range<Int>) throws(ExpositionParseError) {
        let type = UnsafeBufferPointer(rebasing: bytes[range])
        for known in ["counter", "gauge", "histogram", "summary", "untyped"] where type.elementsEqual(known.utf8) {
            return
        }
        throw failure(range.lowerBound, "invalid metric type \(quoted(range.lowerBound, range.upperBound))")
    }

    private func matches(_ word: StaticString, at index: Int) -> Bool {
        word.withUTF8Buffer { letters in
            for (offset, letter) in letters.enumerated() where bytes[index + offset] != letter { return false }
            return true
        }
    }

    private func endOfLine(from start: Int) -> Int {
        var index = start
        while bytes[index] != Bytes.newline { index += 1 }
        return index
    }

    /// `name{labels} value [timestamp]`. Returns the next line's start.
    private mutating func readSample(at start: Int, into samples: inout [IngestedSample]) throws(ExpositionParseError)
        -> Int
    {
        let labels: Labels
        var index: Int
        let quickEnd = quickSeriesEnd(from: start)
        if let quickEnd, case let key = UnsafeBufferPointer(rebasing: bytes[start..<quickEnd]),
            case let hash = SeriesTextCache.hash(key), let cached = cache.labels(for: key, hash: hash)
        {
            labels = cached
            index = quickEnd
        } else {
            (labels, index) = try readSeries(at: start)
            // Only text the full reader took exactly as the quick scan did may be recognised by bytes later.
            if quickEnd == index {
                let key = UnsafeBufferPointer(rebasing: bytes[start..<index])
                cache.insert(key, SeriesTextCache.hash(key), labels)
            }
        }
        index = skipBlanks(from: index)
        let valueStart = index
        while !Self.endsValue(bytes[index]) { index += 1 }
        guard index > valueStart else {
            throw failure(index, "expected a value after the metric")
        }
        guard let value = ExpositionNumbers.value(bytes, valueStart..<index) else {
            throw failure(valueStart, "invalid value \(quoted(valueStart, index))")
        }
        index = skipBlanks(from: index)
        var timestamp = defaultTimestamp
        if Bytes.isDigit(bytes[index]) {
            let timestampStart = index
            while Bytes.isDigit(bytes[index]) { index += 1 }
            guard let parsed = ExpositionNumbers.timestamp(bytes, timestampStart..<index) else {
                throw failure(timestampStart, "timestamp \(quoted(timestampStart, index)) out of range")
            }
            timestamp = parsed
            index = skipBlanks(from: index)
            guard bytes[index] == Bytes.newline else {
                throw failure(index, "expected the end of the line after the timestamp")
            }
        } else if bytes[index] != Bytes.newline {
            throw failure(index, "expected a timestamp or the end of the line after the value")
        }
        samples.append(IngestedSample(labels: labels, value: value, timestamp: timestamp))
        return index + 1
    }

    /// The lexer's value token is `[^{ \t\n]+`; a NUL ends it too (Prometheus rejects NULs there).
    @inline(__always)
    private static func endsValue(_ byte: UInt8) -> Bool {
        byte == Bytes.space || byte == Bytes.newline || byte == Bytes.tab || byte == Bytes.openBrace || byte == 0
    }

    /// Where the series part (`name` or `name {…}`) of a line ends, found by tracking quotes only; nil when
    /// the line has no closing brace. For a valid line this is where the full reader stops.
    @inline(__always)
    private func quickSeriesEnd(from start: Int) -> Int? {
        var index = start + 1
        while Bytes.isMetricNameByte(bytes[index]) { index += 1 }
        let nameEnd = index
        index = skipBlanks(from: index)
        guard bytes[index] == Bytes.openBrace else { return nameEnd }
        index += 1
        let end = bytes.count
        while index < end {
            switch bytes[index] {
            case Bytes.closeBrace: return index + 1
            case Bytes.newline: return nil
            case Bytes.quote:
                index += 1
                while index < end && bytes[index] != Bytes.quote {
                    index += bytes[index] == Bytes.backslash ? 2 : 1
                }
            default: break
            }
            index += 1
        }
        return nil
    }
}
