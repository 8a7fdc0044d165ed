/// The mutable inside of ``SeriesStore``; only touched under its lock.
struct SeriesStoreState: ~Copyable {
    var retention: Int64
    private var ids: [Labels: Int] = [:]
    private var series: [StoredSeries] = []
    private var free: [Int] = []
    /// For each source, the ids it reported at its last ingestion.
    private var sources: [String: Set<Int>] = [:]

    init(retention: Int64) {
        self.retention = retention
    }

    private mutating func id(for labels: Labels) -> Int {
        if let id = ids[labels] { return id }
        let id: Int
        if let reused = free.popLast() {
            id = reused
            series[id] = StoredSeries(labels: labels)
        } else {
            id = series.count
            series.append(StoredSeries(labels: labels))
        }
        ids[labels] = id
        return id
    }

    mutating func append(_ labels: Labels, _ sample: Sample) -> Bool {
        let id = id(for: labels)
        return series[id].append(sample)
    }

    mutating func ingest(source: String, samples: [IngestedSample], at timestamp: Int64) -> IngestOutcome {
        var outcome = IngestOutcome()
        var current = Set<Int>()
        current.reserveCapacity(samples.count)
        for sample in samples {
            let id = id(for: sample.labels)
            current.insert(id)
            if series[id].append(Sample(timestamp: sample.timestamp ?? timestamp, value: sample.value)) {
                outcome.appended += 1
            } else {
                outcome.outOfOrder += 1
            }
        }
        if let previous = sources[source] {
            for id in previous where !current.contains(id) {
                if series[id].append(Sample(timestamp: timestamp, value: StaleMarker.value)) {
                    outcome.markedStale += 1
                }
            }
        }
        sources[source] = current.isEmpty ? nil : current
        return outcome
    }

    mutating func compact(now: Int64) {
        let cutoff = now - retention
        let held = Set(sources.values.joined())
        for id in series.indices where ids[series[id].labels] == id {
            series[id].drop(before: cutoff)
            if series[id].samples.isEmpty && !held.contains(id) {
                ids[series[id].labels] = nil
                series[id] = StoredSeries(labels: Labels())
                free.append(id)
            }
        }
    }

    func select(_ matchers: [LabelMatcher], from mint: Int64, through maxt: Int64) -> [SeriesSamples] {
        var result: [SeriesSamples] = []
        for (labels, id) in ids where matchers.allSatisfy({ $0.matches(labels) }) {
            let samples = series[id].samples(from: mint, through: maxt)
            if !samples.isEmpty { result.append(SeriesSamples(labels: labels, samples: samples)) }
        }
        return result
    }

    func series(matching sets: [[LabelMatcher]], from mint: Int64, through maxt: Int64) -> [Labels] {
        var result: [Labels] = []
        for (labels, id) in ids {
            guard sets.isEmpty || sets.contains(where: { set in set.allSatisfy { $0.matches(labels) } }) else {
                continue
            }
            if !series[id].samples(from: mint, through: maxt).isEmpty { result.append(labels) }
        }
        return result.sorted()
    }

    func seriesCountBySource() -> [String: Int] {
        var counts: [String: Int] = [:]
        var owned = Set<Int>()
        for (source, members) in sources {
            counts[source] = members.count
            owned.formUnion(members)
        }
        let unowned = ids.values.filter { !owned.contains($0) }.count
        if unowned > 0 { counts["", default: 0] += unowned }
        return counts
    }

    func counts() -> (series: Int, samples: Int) {
        (ids.count, ids.values.reduce(0) { $0 + series[$1].samples.count })
    }
}

/// One series' samples, oldest first. (A plain array for now; compact chunks replace it.)
struct StoredSeries {
    let labels: Labels
    private(set) var samples: [Sample] = []

    init(labels: Labels) {
        self.labels = labels
    }

    mutating func append(_ sample: Sample) -> Bool {
        if let last = samples.last, sample.timestamp <= last.timestamp { return false }
        samples.append(sample)
        return true
    }

    mutating func drop(before cutoff: Int64) {
        if let first = samples.firstIndex(where: { $0.timestamp >= cutoff }) {
            samples.removeFirst(first)
        } else {
            samples.removeAll()
        }
    }

    func samples(from mint: Int64, through maxt: Int64) -> [Sample] {
        samples.filter { $0.timestamp >= mint && $0.timestamp <= maxt }
    }
}
