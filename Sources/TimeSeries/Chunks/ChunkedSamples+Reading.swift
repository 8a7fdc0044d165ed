extension ChunkedSamples {
    /// Appends the samples with timestamps in `[mint, maxt]` to `out`, oldest first. Chunks wholly outside
    /// the range are skipped by their headers; a chunk that overlaps it is decoded from its start.
    func collect(from mint: Int64, through maxt: Int64, into out: inout [Sample]) {
        guard !bytes.isEmpty, mint <= maxt, lastTimestamp >= mint else { return }
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let minTime = raw.int64(at: offset + ChunkLayout.minTimeOffset)
                if minTime > maxt { return }
                let length = raw.uint16(at: offset + ChunkLayout.lengthOffset)
                let payload = offset + ChunkLayout.headerSize
                if raw.int64(at: offset + ChunkLayout.maxTimeOffset) >= mint {
                    let count = raw.uint16(at: offset + ChunkLayout.countOffset)
                    let reader = BitReader(base: base + payload, byteCount: raw.count - payload)
                    Self.decode(reader, count: count, first: minTime, from: mint, through: maxt, into: &out)
                }
                offset = payload + length
            }
        }
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
        return bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return false }
            var offset = 0
            while offset < raw.count {
                let minTime = raw.int64(at: offset + ChunkLayout.minTimeOffset)
                let maxTime = raw.int64(at: offset + ChunkLayout.maxTimeOffset)
                if minTime > maxt { return false }
                let length = raw.uint16(at: offset + ChunkLayout.lengthOffset)
                let payload = offset + ChunkLayout.headerSize
                if maxTime >= mint {
                    // One end of the chunk inside the range is a sample inside it.
                    if minTime >= mint || maxTime <= maxt { return true }
                    var found: [Sample] = []
                    let count = raw.uint16(at: offset + ChunkLayout.countOffset)
                    let reader = BitReader(base: base + payload, byteCount: raw.count - payload)
                    Self.decode(reader, count: count, first: minTime, from: mint, through: maxt, into: &found)
                    if !found.isEmpty { return true }
                }
                offset = payload + length
            }
            return false
        }
    }

    /// Decodes one chunk's payload, keeping the samples in `[mint, maxt]`.
    @inline(__always)
    private static func decode(
        _ start: BitReader, count: Int, first: Int64, from mint: Int64, through maxt: Int64,
        into out: inout [Sample]
    ) {
        var reader = start
        var timestamp = first
        var bits = reader.readWide(64)
        if timestamp >= mint { out.append(Sample(timestamp: timestamp, value: Double(bitPattern: bits))) }
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
                reader.position += 2
                bits ^= reader.readWide(64 - leading - trailing) << UInt64(trailing)
            } else {
                leading = Int((word >> 57) & 31)
                var significant = Int((word >> 51) & 63)
                if significant == 0 { significant = 64 }
                trailing = 64 - leading - significant
                reader.position += 13
                bits ^= reader.readWide(significant) << UInt64(trailing)
            }
            if timestamp > maxt { return }
            if timestamp >= mint { out.append(Sample(timestamp: timestamp, value: Double(bitPattern: bits))) }
        }
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
            return Int64(bitPattern: word << 2) >> 57
        }
        if word >> 61 == 0b110 {
            reader.position += 17
            return Int64(bitPattern: word << 3) >> 50
        }
        if word >> 60 == 0b1110 {
            reader.position += 24
            return Int64(bitPattern: word << 4) >> 44
        }
        reader.position += 4
        return Int64(bitPattern: reader.readWide(64))
    }
}
