/// The mutable inside of ``SeriesStore``; only touched under its lock.
///
/// Series live in an array indexed by a small id (slots are reused after retention frees them); a
/// dictionary finds the id of a label set, the postings index finds the ids matching a selector, and
/// each source keeps the ids it reported last, in order, so the next report of the same series in the
/// same order needs no hashing at all.
struct SeriesStoreState: ~Copyable {
    var retention: Int64
    private var ids: [Labels: UInt32] = [:]
    private var series: [StoredSeries] = []
    private var free: [UInt32] = []
    private var postings = PostingsIndex()
    /// For each source, the ids it reported at its last ingestion, in the order it reported them.
    private var sources: [String: [UInt32]] = [:]
    private var stamp: UInt32 = 0

    init(retention: Int64) {
        self.retention = retention
    }

    private mutating func nextStamp() -> UInt32 {
        stamp &+= 1
        if stamp == 0 {
            for index in series.indices { series[index].mark = 0 }
            stamp = 1
        }
        return stamp
    }

    private mutating func id(for labels: Labels) -> UInt32 {
        if let id = ids[labels] { return id }
        let interned = postings.intern(labels)
        let id: UInt32
        if let reused = free.popLast() {
            id = reused
            series[Int(id)] = StoredSeries(labels: interned)
        } else {
            id = UInt32(series.count)
            series.append(StoredSeries(labels: interned))
        }
        ids[interned] = id
        postings.add(id, interned)
        return id
    }

    mutating func append(_ labels: Labels, _ sample: Sample) -> Bool {
        let id = Int(id(for: labels))
        return series[id].samples.append(sample)
    }

    mutating func ingest(source: String, samples: [IngestedSample], at timestamp: Int64) -> IngestOutcome {
        var outcome = IngestOutcome()
        let stamp = nextStamp()
        let previous = sources[source] ?? []
        var current: [UInt32] = []
        current.reserveCapacity(samples.count)
        for (position, sample) in samples.enumerated() {
            let id: Int
            if position < previous.count, case let guess = Int(previous[position]),
                series[guess].live, series[guess].labels == sample.labels
            {
                id = guess
            } else {
                id = Int(self.id(for: sample.labels))
            }
            if series[id].mark != stamp {
                series[id].mark = stamp
                current.append(UInt32(id))
            }
            if series[id].samples.append(Sample(timestamp: sample.timestamp ?? timestamp, value: sample.value)) {
                outcome.appended += 1
            } else {
                outcome.outOfOrder += 1
            }
        }
        for id in previous.lazy.map(Int.init) where series[id].live && series[id].mark != stamp {
            if series[id].samples.append(Sample(timestamp: timestamp, value: StaleMarker.value)) {
                outcome.markedStale += 1
            }
        }
        sources[source] = current.isEmpty ? nil : current
        return outcome
    }

    mutating func compact(now: Int64) {
        let cutoff = now - retention
        let held = nextStamp()
        for members in sources.values {
            for id in members { series[Int(id)].mark = held }
        }
        var removed: [(id: UInt32, labels: Labels)] = []
        for id in series.indices where series[id].live {
            series[id].samples.dropChunks(before: cutoff)
            if series[id].samples.isEmpty && series[id].mark != held {
                let labels = series[id].labels
                removed.append((UInt32(id), labels))
                ids[labels] = nil
                series[id] = .freed
                free.append(UInt32(id))
            }
        }
        postings.remove(removed)
    }

    /// Ids of the live series matching every matcher.
    private func matching(_ matchers: [LabelMatcher]) -> [Int] {
        guard let (candidates, satisfied) = postings.candidates(for: matchers) else {
            return series.indices.filter { id in
                series[id].live && matchers.allSatisfy { $0.matches(series[id].labels) }
            }
        }
        var rest = matchers
        if let satisfied { rest.remove(at: satisfied) }
        var result: [Int] = []
        result.reserveCapacity(candidates.count)
        for id in candidates.lazy.map(Int.init) where series[id].live {
            if rest.isEmpty || rest.allSatisfy({ $0.matches(series[id].labels) }) { result.append(id) }
        }
        return result
    }

    /// The matching series that may have samples in `[mint, maxt]`, as snapshots to decode outside the lock.
    func snapshot(_ matchers: [LabelMatcher], from mint: Int64, through maxt: Int64) -> [SeriesSnapshot] {
        let ids = matching(matchers)
        var result: [SeriesSnapshot] = []
        result.reserveCapacity(ids.count)
        for id in ids {
            let samples = series[id].samples
            guard !samples.isEmpty, samples.lastTimestamp >= mint,
                let first = samples.firstTimestamp, first <= maxt
            else { continue }
            result.append(SeriesSnapshot(labels: series[id].labels, samples: samples))
        }
        return result
    }

    func series(matching sets: [[LabelMatcher]], from mint: Int64, through maxt: Int64) -> [Labels] {
        var chosen: [Int]
        if sets.isEmpty {
            chosen = series.indices.filter { series[$0].live }
        } else {
            chosen = sets.flatMap { matching($0) }
            if sets.count > 1 { chosen = Array(Set(chosen)) }
        }
        return chosen.filter { series[$0].samples.hasSample(from: mint, through: maxt) }.map { series[$0].labels }
    }

    func seriesCountBySource() -> [String: Int] {
        var counts: [String: Int] = [:]
        var owned = Set<UInt32>()
        for (source, members) in sources {
            counts[source] = members.count
            owned.formUnion(members)
        }
        let unowned = ids.values.filter { !owned.contains($0) }.count
        if unowned > 0 { counts["", default: 0] += unowned }
        return counts
    }

    func counts() -> (series: Int, samples: Int) {
        (ids.count, ids.values.reduce(0) { $0 + series[Int($1)].samples.count })
    }
}
