/// Where things sit in a chunk: a fixed little-endian header, then the bit stream of its samples.
///
/// One series keeps all its chunks back to back in one byte buffer (one allocation per series instead of
/// one per chunk); each chunk's header says how long it is, so readers skip chunks outside a time range
/// without decoding them.
///
///     [0, 8)    first timestamp (ms)          [8, 16)   last timestamp (ms)
///     [16, 18)  sample count                  [18, 20)  payload length in bytes; top bit: integer chunk
///     [20, …)   payload: the first value's 64 bits, then per further sample a delta-of-delta
///               timestamp and the value: XOR-coded (Facebook's Gorilla scheme, as Prometheus' XOR chunks),
///               or in an integer chunk (every value a whole number within ±2^53, as counters mostly are)
///               the difference from the previous value in a few bits.
enum ChunkLayout {
    static let headerSize = 20
    static let minTimeOffset = 0
    static let maxTimeOffset = 8
    static let countOffset = 16
    static let lengthOffset = 18
    /// Samples per chunk: Prometheus' 120, which makes a 5-minute window at 15 s touch at most two chunks.
    static let samplesPerChunk = 120
    /// Set in the length field of a chunk whose values are coded as integer differences.
    static let integerFlag = 0x8000

    /// `value` as a whole number when it is one that converts back to the same bits (so not `-0.0`) and
    /// lies within ±2^53, where every integer is exact.
    @inline(__always)
    static func integral(_ value: Double) -> Int64? {
        guard value.magnitude <= 9_007_199_254_740_992, let whole = Int64(exactly: value),
            Double(whole).bitPattern == value.bitPattern
        else { return nil }
        return whole
    }

}

extension UnsafeRawBufferPointer {
    @inline(__always)
    func int64(at offset: Int) -> Int64 {
        Int64(littleEndian: loadUnaligned(fromByteOffset: offset, as: Int64.self))
    }

    @inline(__always)
    func uint16(at offset: Int) -> Int {
        Int(UInt16(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
    }

    /// The payload length of the chunk whose header starts at `offset`.
    @inline(__always)
    func chunkLength(at offset: Int) -> Int {
        uint16(at: offset + ChunkLayout.lengthOffset) & (ChunkLayout.integerFlag - 1)
    }

    /// Whether the chunk whose header starts at `offset` codes its values as integer differences.
    @inline(__always)
    func isIntegerChunk(at offset: Int) -> Bool {
        uint16(at: offset + ChunkLayout.lengthOffset) & ChunkLayout.integerFlag != 0
    }
}

extension UnsafeMutableRawBufferPointer {
    @inline(__always)
    func storeInt64(_ value: Int64, at offset: Int) {
        storeBytes(of: value.littleEndian, toByteOffset: offset, as: Int64.self)
    }

    @inline(__always)
    func storeUInt16(_ value: Int, at offset: Int) {
        storeBytes(of: UInt16(truncatingIfNeeded: value).littleEndian, toByteOffset: offset, as: UInt16.self)
    }
}
