extension ChunkedSamples {
    /// An upper bound of the number of samples in `[mint, maxt]`: the sample counts of the chunks that
    /// overlap it. What a buffer passed to ``decode(from:through:into:)`` must hold.
    func sampleBound(from mint: Int64, through maxt: Int64) -> Int {
        guard !bytes.isEmpty, mint <= maxt, lastTimestamp >= mint else { return 0 }
        return bytes.withUnsafeBytes { raw in
            var offset = 0
            var bound = 0
            while offset < raw.count {
                if raw.int64(at: offset + ChunkLayout.minTimeOffset) > maxt { break }
                if raw.int64(at: offset + ChunkLayout.maxTimeOffset) >= mint {
                    bound += raw.uint16(at: offset + ChunkLayout.countOffset)
                }
                offset += ChunkLayout.headerSize + raw.chunkLength(at: offset)
            }
            return bound
        }
    }

    /// Writes the samples with timestamps in `[mint, maxt]` to `out` (room for ``sampleBound(from:through:)``
    /// samples), oldest first, and returns how many. Chunks wholly outside the range are skipped by their
    /// headers; a chunk that overlaps it is decoded from its start.
    func decode(from mint: Int64, through maxt: Int64, into out: UnsafeMutablePointer<Sample>) -> Int {
        guard !bytes.isEmpty, mint <= maxt, lastTimestamp >= mint else { return 0 }
        return bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return 0 }
            var offset = 0
            var written = 0
            while offset < raw.count {
                let minTime = raw.int64(at: offset + ChunkLayout.minTimeOffset)
                if minTime > maxt { break }
                let payload = offset + ChunkLayout.headerSize
                if raw.int64(at: offset + ChunkLayout.maxTimeOffset) >= mint {
                    let reader = BitReader(base: base + payload, byteCount: raw.count - payload)
                    let count = raw.uint16(at: offset + ChunkLayout.countOffset)
                    let done =
                        raw.isIntegerChunk(at: offset)
                        ? Self.decodeIntegerChunk(
                            reader, count: count, first: minTime, from: mint, through: maxt, into: out,
                            written: &written)
                        : Self.decodeChunk(
                            reader, count: count, first: minTime, from: mint, through: maxt, into: out,
                            written: &written)
                    if done { break }
                }
                offset = payload + raw.chunkLength(at: offset)
            }
            return written
        }
    }

    /// Appends the samples with timestamps in `[mint, maxt]` to `out`, oldest first.
    func collect(from mint: Int64, through maxt: Int64, into out: inout [Sample]) {
        let bound = sampleBound(from: mint, through: maxt)
        guard bound > 0 else { return }
        let scratch = UnsafeMutablePointer<Sample>.allocate(capacity: bound)
        defer { scratch.deallocate() }
        let count = decode(from: mint, through: maxt, into: scratch)
        out.append(contentsOf: UnsafeBufferPointer(start: scratch, count: count))
    }

    /// All samples, oldest first.
    var samples: [Sample] {
        var out: [Sample] = []
        collect(from: .min, through: .max, into: &out)
        return out
    }

    /// Whether any sample lies in `[mint, maxt]`; decodes only a chunk that spans the range without an
    /// end inside it.
    func hasSample(from mint: Int64, through maxt: Int64) -> Bool {
        guard !bytes.isEmpty, mint <= maxt, lastTimestamp >= mint else { return false }
        let spanning = bytes.withUnsafeBytes { raw -> Bool? in
            var offset = 0
            while offset < raw.count {
                let minTime = raw.int64(at: offset + ChunkLayout.minTimeOffset)
                let maxTime = raw.int64(at: offset + ChunkLayout.maxTimeOffset)
                if minTime > maxt { return false }
                // One end of an overlapping chunk inside the range is a sample inside it.
                if maxTime >= mint && (minTime >= mint || maxTime <= maxt) { return true }
                if maxTime >= mint { return nil }
                offset += ChunkLayout.headerSize + raw.chunkLength(at: offset)
            }
            return false
        }
        if let spanning { return spanning }
        var found: [Sample] = []
        collect(from: mint, through: maxt, into: &found)
        return !found.isEmpty
    }

    /// Decodes one chunk's payload, writing the samples in `[mint, maxt]`; true once past `maxt`.
    @inline(__always)
    private static func decodeChunk(
        _ start: BitReader, count: Int, first: Int64, from mint: Int64, through maxt: Int64,
        into out: UnsafeMutablePointer<Sample>, written: inout Int
    ) -> Bool {
        var reader = start
        var timestamp = first
        var bits = reader.readWide(64)
        if timestamp >= mint {
            out[written] = Sample(timestamp: timestamp, value: Double(bitPattern: bits))
            written += 1
        }
        var delta: Int64 = 0
        var leading = 0
        var trailing = 0
        var index = 1
        while index < count {
            index += 1
            delta &+= readDeltaOfDelta(&reader)
            timestamp &+= delta
            let word = reader.peek()
            if word >> 63 == 0 {
                reader.position += 1
            } else if word >> 62 == 0b10 {
                let significant = 64 - leading - trailing
                if significant <= 55 {
                    bits ^= ((word &<< 2) &>> UInt64(64 - significant)) &<< UInt64(trailing)
                    reader.position += 2 + significant
                } else {
                    reader.position += 2
                    bits ^= reader.readWide(significant) &<< UInt64(trailing)
                }
            } else {
                leading = Int((word &>> 57) & 31)
                var significant = Int((word &>> 51) & 63)
                if significant == 0 { significant = 64 }
                trailing = 64 - leading - significant
                if significant <= 44 {
                    bits ^= ((word &<< 13) &>> UInt64(64 - significant)) &<< UInt64(trailing)
                    reader.position += 13 + significant
                } else {
                    reader.position += 13
                    bits ^= reader.readWide(significant) &<< UInt64(trailing)
                }
            }
            if timestamp > maxt { return true }
            if timestamp >= mint {
                out[written] = Sample(timestamp: timestamp, value: Double(bitPattern: bits))
                written += 1
            }
        }
        return false
    }

    /// Decodes one integer chunk's payload, writing the samples in `[mint, maxt]`; true once past `maxt`.
    @inline(__always)
    private static func decodeIntegerChunk(
        _ start: BitReader, count: Int, first: Int64, from mint: Int64, through maxt: Int64,
        into out: UnsafeMutablePointer<Sample>, written: inout Int
    ) -> Bool {
        var reader = start
        var timestamp = first
        var value = Int64(Double(bitPattern: reader.readWide(64)))
        if timestamp >= mint {
            out[written] = Sample(timestamp: timestamp, value: Double(value))
            written += 1
        }
        var delta: Int64 = 0
        var index = 1
        while index < count {
            index += 1
            delta &+= readDeltaOfDelta(&reader)
            timestamp &+= delta
            let word = reader.peek()
            if word >> 63 == 0 {
                reader.position += 1
            } else if word >> 62 == 0b10 {
                value &+= Int64(bitPattern: word &<< 2) &>> 57
                reader.position += 9
            } else if word >> 61 == 0b110 {
                value &+= Int64(bitPattern: word &<< 3) &>> 48
                reader.position += 19
            } else if word >> 60 == 0b1110 {
                value &+= Int64(bitPattern: word &<< 4) &>> 32
                reader.position += 36
            } else {
                reader.position += 4
                value &+= Int64(bitPattern: reader.readWide(64))
            }
            if timestamp > maxt { return true }
            if timestamp >= mint {
                out[written] = Sample(timestamp: timestamp, value: Double(value))
                written += 1
            }
        }
        return false
    }

    @inline(__always)
    private static func readDeltaOfDelta(_ reader: inout BitReader) -> Int64 {
        let word = reader.peek()
        if word >> 63 == 0 {
            reader.position += 1
            return 0
        }
        if word >> 62 == 0b10 {
            reader.position += 9
            return Int64(bitPattern: word &<< 2) &>> 57
        }
        if word >> 61 == 0b110 {
            reader.position += 17
            return Int64(bitPattern: word &<< 3) &>> 50
        }
        if word >> 60 == 0b1110 {
            reader.position += 24
            return Int64(bitPattern: word &<< 4) &>> 44
        }
        reader.position += 4
        return Int64(bitPattern: reader.readWide(64))
    }
}
