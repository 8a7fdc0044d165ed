import Schedule

/// N-1 and N-2 contingency over one window, exactly as `contingency_ref.py` defines them, fast
/// enough to recompute on every schedule change: a year at 60 faculty in well under two seconds.
///
/// Built once per ``WindowIndex`` (it precomputes who could fill each slot); every question after
/// that — a single loss, a pair, any set, a repair plan — is a maximum flow per ISO week on small
/// reusable buffers. N-2 starts each pair from the two single-loss repairs (see `PairLoss`), which
/// settles most weeks without a search; it covers every pair of non-SPOF faculty, unpruned.
public struct ContingencyAnalysis: Sendable {
    public let index: WindowIndex
    let table: FillerTable

    public init(index: WindowIndex) {
        self.index = index
        table = FillerTable(index: index)
    }

    /// unfillable(S) of the reference: the new deficit of removing `removed` (faculty indices) for
    /// the whole window, minus the maximum flow of the fill problem.
    public func unfillable(removing removed: Set<Int>) -> Int {
        var flow = CoverageFlow(table: table)
        let removals = removed.sorted().filter { (0..<table.facultyCount).contains($0) }.map {
            Removal(member: $0, firstHalfDay: 0, lastHalfDay: table.halfDayCount - 1)
        }
        return flow.solve(removals, details: false).unfillable
    }

    /// unfillable({f}) for every faculty index f (the N-1 figures, also a criticality ranking).
    public func unfillableAlone() -> [Int] {
        var flow = CoverageFlow(table: table)
        return SingleLosses(table: table, flow: &flow).unfillable
    }

    /// The repair of removing faculty (index → days gone, nil for the whole window).
    public func plan(removing removed: [Int: ClosedRange<Day>?]) -> RepairPlan {
        RepairPlanner.plan(table: table, window: index.window, removed: removed)
    }

    /// N-1 and, when asked, N-2, on the calling thread.
    public func report(includeN2: Bool = true) -> ContingencyReport {
        var flow = CoverageFlow(table: table)
        let singles = SingleLosses(table: table, flow: &flow)
        guard includeN2 else { return assemble(singles: singles, pairs: nil) }
        let pairs = fatalPairs(singles: singles, share: 0, of: 1)
        return assemble(singles: singles, pairs: pairs)
    }

    /// The same report with N-2's pairs spread over `tasks` concurrent tasks.
    public func report(includeN2: Bool = true, tasks: Int) async -> ContingencyReport {
        var flow = CoverageFlow(table: table)
        let singles = SingleLosses(table: table, flow: &flow)
        guard includeN2 else { return assemble(singles: singles, pairs: nil) }
        let shares = max(1, tasks)
        let pairs = await withTaskGroup(of: [(Int, Int, Int)].self) { group in
            for share in 0..<shares {
                group.addTask { fatalPairs(singles: singles, share: share, of: shares) }
            }
            var all: [(Int, Int, Int)] = []
            for await part in group { all.append(contentsOf: part) }
            return all.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        }
        return assemble(singles: singles, pairs: pairs)
    }

    /// Fatal pairs (first, second, unfillable) among non-SPOF faculty, for first ≡ share (mod shares).
    private func fatalPairs(singles: SingleLosses, share: Int, of shares: Int) -> [(Int, Int, Int)] {
        var pairLoss = PairLoss(table: table, singles: singles)
        var found: [(Int, Int, Int)] = []
        let count = table.facultyCount
        for first in stride(from: share, to: count, by: shares) where singles.unfillable[first] == 0 {
            for second in (first + 1)..<max(first + 1, count) where singles.unfillable[second] == 0 {
                let missing = pairLoss.unfillable(first, second)
                if missing > 0 { found.append((first, second, missing)) }
            }
        }
        return found
    }

    private func assemble(singles: SingleLosses, pairs: [(Int, Int, Int)]?) -> ContingencyReport {
        let points = singles.unfillable.enumerated().filter { $0.element > 0 }.map {
            ContingencyReport.SinglePointOfFailure(person: index.faculty[$0.offset], unfillableSlots: $0.element)
        }
        let n1 = ContingencyReport.N1(compliant: points.isEmpty, singlePointsOfFailure: points)
        let n2 = pairs.map { pairs in
            ContingencyReport.N2(
                compliant: points.isEmpty && pairs.isEmpty,
                fatalPairs: pairs.map {
                    ContingencyReport.FatalPair(
                        people: [index.faculty[$0.0], index.faculty[$0.1]], unfillableSlots: $0.2)
                })
        }
        return ContingencyReport(n1: n1, n2: n2)
    }
}
