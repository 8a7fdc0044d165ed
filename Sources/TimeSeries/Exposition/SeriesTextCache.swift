/// The labels of series text already seen (`name{a="1",b="2"}` as raw bytes → ``Labels``), kept across the
/// scrapes of one target like Prometheus' scrape cache: a target reports the same series every time, so from
/// the second scrape on a line costs a hash and a byte comparison instead of building strings and labels.
///
/// Open addressing over an array of entries whose keys live in one byte arena, so a lookup allocates
/// nothing. Entries not seen in the last scrape are dropped when they outnumber the live ones.
struct SeriesTextCache: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64
        var start: Int32
        var length: Int32
        var seen: UInt32
        var labels: Labels
    }

    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var entries: [Entry] = []
    private var arena: [UInt8] = []
    private var generation: UInt32 = 0
    private var seenThisParse = 0

    /// Number of series texts held.
    var count: Int { entries.count }

    mutating func beginParse() {
        generation &+= 1
        seenThisParse = 0
    }

    /// Forgets the texts the last parse did not see once they are more than those it did (and many), and
    /// returns the growth room of a first scrape: a target's series change little from scrape to scrape.
    mutating func endParse() {
        if arena.capacity > arena.count + arena.count / 8 + 4096 { arena = Self.exactCopy(arena) }
        if entries.capacity > entries.count + entries.count / 8 + 256 { entries = Self.exactCopy(entries) }
        guard entries.count > 2 * seenThisParse + 1024 else { return }
        let kept = entries.filter { $0.seen == generation }
        let oldArena = arena
        entries = []
        arena = []
        slots = Array(repeating: -1, count: Self.slotCount(for: kept.count))
        for entry in kept {
            oldArena.withUnsafeBufferPointer { bytes in
                let start = Int(entry.start)
                insert(
                    UnsafeBufferPointer(rebasing: bytes[start..<(start + Int(entry.length))]), entry.hash, entry.labels)
            }
        }
    }

    private static func exactCopy<Element>(_ array: [Element]) -> [Element] {
        [Element](unsafeUninitializedCapacity: array.count) { buffer, initialized in
            initialized = buffer.initialize(from: array).1
        }
    }

    private static func slotCount(for entries: Int) -> Int {
        var count = 1024
        while count < entries * 2 { count *= 2 }
        return count
    }

    /// The labels of `key`, marking it seen by this parse.
    @inline(__always)
    mutating func labels(for key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Labels? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if entries[index].hash == hash && Int(entries[index].length) == key.count
                && arena.withUnsafeBufferPointer({ Self.equal($0, Int(entries[index].start), key) })
            {
                if entries[index].seen != generation {
                    entries[index].seen = generation
                    seenThisParse += 1
                }
                return entries[index].labels
            }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `key` (not held yet) with its labels.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ hash: UInt64, _ labels: Labels) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let entry = Entry(
            hash: hash, start: Int32(arena.count), length: Int32(key.count), seen: generation, labels: labels)
        arena.append(contentsOf: key)
        place(Int32(entries.count), hash)
        entries.append(entry)
        seenThisParse += 1
    }

    private mutating func place(_ index: Int32, _ hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = index
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for index in entries.indices { place(Int32(index), entries[index].hash) }
    }

    @inline(__always)
    private static func equal(_ arena: UnsafeBufferPointer<UInt8>, _ start: Int, _ key: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        guard let stored = arena.baseAddress, let probe = key.baseAddress else { return key.isEmpty }
        let left = UnsafeRawPointer(stored + start)
        let right = UnsafeRawPointer(probe)
        var index = 0
        while index + 8 <= key.count {
            if left.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                != right.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            {
                return false
            }
            index += 8
        }
        while index < key.count {
            if left.load(fromByteOffset: index, as: UInt8.self) != right.load(fromByteOffset: index, as: UInt8.self) {
                return false
            }
            index += 1
        }
        return true
    }

    /// A fast 64-bit hash of `key` (eight bytes a step, multiply-xorshift mixing).
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        guard let base = key.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= key.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < key.count {
            tail |= UInt64(base[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}
