import TimeSeries

/// Splits an instant vector into the groups of an aggregation's `by`/`without` clause, keeping the
/// order in which each group's first element appears (Prometheus' output order).
struct Grouper {
    /// One group: its output labels and its elements in input order.
    struct Group {
        var labels: Labels
        var members: [VectorSample]
    }

    private let names: Set<String>
    private let without: Bool

    init(grouping: [String], without: Bool) {
        self.names = Set(grouping)
        self.without = without
    }

    /// The labels a group is identified by and labelled with: the `by` labels, or everything but the
    /// `without` labels and the metric name.
    func groupLabels(_ labels: Labels) -> Labels {
        if without { return labels.removing(names.union([Label.metricName])) }
        if names.isEmpty { return Labels() }
        return labels.keeping(names)
    }

    func groups(of vector: [VectorSample]) -> [Group] {
        var indexByLabels: [Labels: Int] = [:]
        var groups: [Group] = []
        for sample in vector {
            let labels = groupLabels(sample.labels)
            if let index = indexByLabels[labels] {
                groups[index].members.append(sample)
            } else {
                indexByLabels[labels] = groups.count
                groups.append(Group(labels: labels, members: [sample]))
            }
        }
        return groups
    }
}
