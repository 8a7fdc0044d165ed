/// One slot of the store: a series' interned labels and compressed samples.
struct StoredSeries: Sendable {
    var labels: Labels
    var samples: ChunkedSamples
    /// Scratch stamp for set operations (which series a source reported now, which are held by a source),
    /// so they need no hash sets.
    var mark: UInt32 = 0
    /// False for a freed slot waiting for reuse.
    var live: Bool

    init(labels: Labels) {
        self.labels = labels
        self.samples = ChunkedSamples()
        self.live = true
    }

    static let freed: StoredSeries = {
        var slot = StoredSeries(labels: Labels())
        slot.live = false
        return slot
    }()
}

/// A series as a query reads it: labels and a copy of its chunks (sharing the bytes), taken under the
/// store's lock and decoded after it is released.
struct SeriesSnapshot: Sendable {
    var labels: Labels
    var samples: ChunkedSamples

    /// Decodes the samples in `[mint, maxt]` of each snapshot, leaving out series without any.
    static func decode(_ snapshots: [SeriesSnapshot], from mint: Int64, through maxt: Int64) -> [SeriesSamples] {
        var result: [SeriesSamples] = []
        result.reserveCapacity(snapshots.count)
        var capacity = 256
        var scratch = UnsafeMutablePointer<Sample>.allocate(capacity: capacity)
        defer { scratch.deallocate() }
        for snapshot in snapshots {
            let bound = snapshot.samples.sampleBound(from: mint, through: maxt)
            if bound > capacity {
                scratch.deallocate()
                capacity = max(bound, capacity * 2)
                scratch = UnsafeMutablePointer<Sample>.allocate(capacity: capacity)
            }
            let count = snapshot.samples.decode(from: mint, through: maxt, into: scratch)
            guard count > 0 else { continue }
            // An array of the exact size: the scratch buffer's capacity must not travel with every result.
            let samples = Array(UnsafeBufferPointer(start: scratch, count: count))
            result.append(SeriesSamples(labels: snapshot.labels, samples: samples))
        }
        return result
    }
}
