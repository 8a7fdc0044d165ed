/// One series' samples, oldest first, compressed the way Prometheus' head compresses them.
///
/// A plain `[Sample]` costs 16 bytes a sample; regular scrapes of slowly changing values compress to one
/// or two bytes. Timestamps are stored as delta-of-deltas (one bit when the interval is steady), values
/// as the XOR with the previous value (one bit when unchanged, a few bits when only low mantissa bits
/// move). XOR works on bit patterns, so NaNs (staleness markers among them) and infinities come back
/// bit for bit. Chunks of ``ChunkLayout/samplesPerChunk`` samples let readers skip old data and let
/// retention drop whole chunks; all chunks share one byte buffer so a series is one allocation.
///
/// A copy is cheap (the buffer is shared until the next append), which is how queries read series
/// outside the store's lock.
struct ChunkedSamples: Sendable {
    /// The chunks, back to back; the last one is open for appends.
    private(set) var bytes: [UInt8] = []
    /// Byte offset of the open chunk's header.
    private var openStart: UInt32 = 0
    /// Bits written to the open chunk's payload.
    private var openBits: UInt32 = 0
    private var openCount: UInt16 = 0
    /// The leading and trailing zero counts of the last XOR window; `leading == 0xFF` when there is none.
    private var leading: UInt8 = 0xFF
    private var trailing: UInt8 = 0
    /// Whether the open chunk codes values as integer differences.
    private var integerChunk = false
    /// The newest sample's timestamp; meaningless while empty.
    private(set) var lastTimestamp: Int64 = 0
    private var lastDelta: Int64 = 0
    private var lastValue: UInt64 = 0

    init() {}

    var isEmpty: Bool { bytes.isEmpty }

    /// The oldest sample's timestamp, or nil when empty.
    var firstTimestamp: Int64? {
        bytes.isEmpty ? nil : bytes.withUnsafeBytes { $0.int64(at: ChunkLayout.minTimeOffset) }
    }

    /// Appends a sample; false (and nothing stored) unless it is newer than the last one.
    @discardableResult
    mutating func append(_ sample: Sample) -> Bool {
        if !bytes.isEmpty && sample.timestamp <= lastTimestamp { return false }
        let bits = sample.value.bitPattern
        if bytes.isEmpty || Int(openCount) >= ChunkLayout.samplesPerChunk {
            startChunk(sample.timestamp, bits)
            return true
        }
        var whole: Int64 = 0
        if integerChunk {
            // A value that is not a whole number ends an integer chunk early; the next one starts with it.
            guard let value = ChunkLayout.integral(sample.value) else {
                startChunk(sample.timestamp, bits)
                return true
            }
            whole = value
        }
        reserveRoom()
        let delta = sample.timestamp &- lastTimestamp
        writeTimestamp(delta &- lastDelta)
        if integerChunk {
            writeDifference(whole &- Int64(Double(bitPattern: lastValue)))
        } else {
            writeValue(bits ^ lastValue)
        }
        lastDelta = delta
        lastTimestamp = sample.timestamp
        lastValue = bits
        openCount += 1
        updateHeader()
        return true
    }

    private mutating func startChunk(_ timestamp: Int64, _ bits: UInt64) {
        reserveRoom()
        openStart = UInt32(bytes.count)
        bytes.append(contentsOf: repeatElement(0, count: ChunkLayout.headerSize))
        bytes.withUnsafeMutableBytes { $0.storeInt64(timestamp, at: Int(openStart) + ChunkLayout.minTimeOffset) }
        openBits = 0
        openCount = 1
        integerChunk = ChunkLayout.integral(Double(bitPattern: bits)) != nil
        leading = 0xFF
        trailing = 0
        lastDelta = 0
        lastTimestamp = timestamp
        lastValue = bits
        writeBits(bits >> 32, count: 32)
        writeBits(bits & 0xFFFF_FFFF, count: 32)
        updateHeader()
    }

    private mutating func updateHeader() {
        let start = Int(openStart)
        let length = (Int(openBits) + 7) / 8
        let count = Int(openCount)
        let last = lastTimestamp
        let flag = integerChunk ? ChunkLayout.integerFlag : 0
        bytes.withUnsafeMutableBytes { raw in
            raw.storeInt64(last, at: start + ChunkLayout.maxTimeOffset)
            raw.storeUInt16(count, at: start + ChunkLayout.countOffset)
            raw.storeUInt16(length | flag, at: start + ChunkLayout.lengthOffset)
        }
    }

    /// Grows the buffer by a sixteenth rather than doubling: series grow for hours, and doubling would leave
    /// a third of every buffer empty on average. Each byte appended costs at most 16 bytes copied.
    private mutating func reserveRoom() {
        let needed = 32
        guard bytes.capacity - bytes.count < needed else { return }
        bytes.reserveCapacity(bytes.count + needed + max(32, bytes.count / 16))
    }

    /// `0` for an unchanged interval, else the smallest of four signed widths behind a unary prefix.
    private mutating func writeTimestamp(_ dod: Int64) {
        let raw = UInt64(bitPattern: dod)
        switch dod {
        case 0: writeBits(0, count: 1)
        case -64...63: writeBits(0b10 << 7 | raw & 0x7F, count: 9)
        case -8192...8191: writeBits(0b110 << 14 | raw & 0x3FFF, count: 17)
        case -524_288...524_287: writeBits(0b1110 << 20 | raw & 0xF_FFFF, count: 24)
        default:
            writeBits(0b1111, count: 4)
            writeBits(raw >> 32, count: 32)
            writeBits(raw & 0xFFFF_FFFF, count: 32)
        }
    }

    /// An integer chunk's value step: `0` for none, else the smallest of four signed widths behind a unary
    /// prefix (a counter's usual step takes 9 bits where its XOR takes 15 or more).
    private mutating func writeDifference(_ difference: Int64) {
        let raw = UInt64(bitPattern: difference)
        switch difference {
        case 0: writeBits(0, count: 1)
        case -64...63: writeBits(0b10 << 7 | raw & 0x7F, count: 9)
        case -32_768...32_767: writeBits(0b110 << 16 | raw & 0xFFFF, count: 19)
        case -2_147_483_648...2_147_483_647:
            writeBits(0b1110, count: 4)
            writeBits(raw & 0xFFFF_FFFF, count: 32)
        default:
            writeBits(0b1111, count: 4)
            writeBits(raw >> 32, count: 32)
            writeBits(raw & 0xFFFF_FFFF, count: 32)
        }
    }

    /// `0` when unchanged; `10` and the meaningful bits when they fit the previous window; else `11`, the
    /// leading-zero count (5 bits, at most 31), the meaningful-bit count (6 bits, 64 written as 0), the bits.
    private mutating func writeValue(_ xor: UInt64) {
        if xor == 0 {
            writeBits(0, count: 1)
            return
        }
        let lead = min(xor.leadingZeroBitCount, 31)
        let trail = xor.trailingZeroBitCount
        if leading != 0xFF && lead >= Int(leading) && trail >= Int(trailing) {
            writeBits(0b10, count: 2)
            writeWide(xor >> UInt64(trailing), count: 64 - Int(leading) - Int(trailing))
            return
        }
        leading = UInt8(lead)
        trailing = UInt8(trail)
        let significant = 64 - lead - trail
        writeBits(0b11 << 11 | UInt64(lead) << 6 | UInt64(significant & 63), count: 13)
        writeWide(xor >> UInt64(trail), count: significant)
    }

    private mutating func writeWide(_ value: UInt64, count: Int) {
        if count > 32 {
            writeBits(value >> 32, count: count - 32)
            writeBits(value & 0xFFFF_FFFF, count: 32)
        } else {
            writeBits(value, count: count)
        }
    }

    /// Appends the low `count` (1...32) bits of `value`, most significant first.
    private mutating func writeBits(_ value: UInt64, count: Int) {
        var remaining = count
        while remaining > 0 {
            let used = Int(openBits & 7)
            if used == 0 { bytes.append(0) }
            let free = 8 - used
            let take = min(free, remaining)
            let piece = (value >> UInt64(remaining - take)) & ((1 << UInt64(take)) - 1)
            bytes[bytes.count - 1] |= UInt8(truncatingIfNeeded: piece << UInt64(free - take))
            remaining -= take
            openBits += UInt32(take)
        }
    }

    /// Drops every chunk whose newest sample is older than `cutoff` (whole chunks: a sample may outlive
    /// the cutoff by up to one chunk's span, as in Prometheus). Empties the series when all are older.
    mutating func dropChunks(before cutoff: Int64) {
        guard !bytes.isEmpty else { return }
        if lastTimestamp < cutoff {
            self = ChunkedSamples()
            return
        }
        let open = Int(openStart)
        let prefix = bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < open, raw.int64(at: offset + ChunkLayout.maxTimeOffset) < cutoff {
                offset += ChunkLayout.headerSize + raw.chunkLength(at: offset)
            }
            return offset
        }
        guard prefix > 0 else { return }
        bytes.removeFirst(prefix)
        openStart -= UInt32(prefix)
        if bytes.capacity > 2 * bytes.count + 256 { shrink() }
    }

    /// Moves the bytes to a buffer of their exact size.
    private mutating func shrink() {
        let old = bytes
        bytes = [UInt8](unsafeUninitializedCapacity: old.count) { buffer, initialized in
            initialized = buffer.initialize(from: old).1
        }
    }

    /// Number of samples held.
    var count: Int {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            var total = 0
            while offset < raw.count {
                total += raw.uint16(at: offset + ChunkLayout.countOffset)
                offset += ChunkLayout.headerSize + raw.chunkLength(at: offset)
            }
            return total
        }
    }

    /// Number of chunks held.
    var chunkCount: Int {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            var total = 0
            while offset < raw.count {
                total += 1
                offset += ChunkLayout.headerSize + raw.chunkLength(at: offset)
            }
            return total
        }
    }
}
