/// Reads a big-endian bit stream (most significant bit first), as ``ChunkedSamples`` writes it.
///
/// Decoding speed decides query speed over many series, so reads are one unaligned 64-bit load and
/// two shifts; only the last 7 bytes of a buffer take the byte-by-byte path.
struct BitReader {
    private let base: UnsafeRawPointer
    private let byteCount: Int
    /// Bits consumed since `base`.
    var position: Int

    init(base: UnsafeRawPointer, byteCount: Int, position: Int = 0) {
        self.base = base
        self.byteCount = byteCount
        self.position = position
    }

    /// The next 57 or more bits, left-aligned (bits past the end read as 0).
    @inline(__always)
    func peek() -> UInt64 {
        let byte = position >> 3
        var word: UInt64
        if byte + 8 <= byteCount {
            word = UInt64(bigEndian: base.loadUnaligned(fromByteOffset: byte, as: UInt64.self))
        } else {
            word = 0
            for index in byte..<(byte + 8) {
                word <<= 8
                if index < byteCount { word |= UInt64(base.load(fromByteOffset: index, as: UInt8.self)) }
            }
        }
        return word &<< UInt64(position & 7)
    }

    /// The next `count` (1...56) bits as an unsigned number.
    @inline(__always)
    mutating func read(_ count: Int) -> UInt64 {
        let word = peek()
        position += count
        return word &>> UInt64(64 - count)
    }

    /// The next `count` (1...64) bits as an unsigned number.
    @inline(__always)
    mutating func readWide(_ count: Int) -> UInt64 {
        if count <= 56 { return read(count) }
        let high = read(count - 32)
        return high << 32 | read(32)
    }
}
