/// A series with the samples of one time range, oldest first: what the store returns to a query.
public struct SeriesSamples: Sendable, Hashable {
    public var labels: Labels
    public var samples: [Sample]

    public init(labels: Labels, samples: [Sample]) {
        self.labels = labels
        self.samples = samples
    }
}
