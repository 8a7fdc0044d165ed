/// A small seeded pseudo-random generator (SplitMix64), so a generated case reproduces from its
/// seed and number on any machine and toolchain.
///
/// The standard library's `random(in:using:)` may change its algorithm between releases; the
/// helpers here are defined in full, so the same seed gives the same cases forever.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// The generator for case `index` of a run seeded with `seed`: independent of how many cases
    /// the run has, so case 137 is the same case in a run of 300 and in a run of 5000.
    init(seed: UInt64, case index: Int) {
        state = seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<count` (the modulo bias is irrelevant for the small counts used here).
    mutating func below(_ count: Int) -> Int {
        precondition(count > 0)
        return Int(next() % UInt64(count))
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(UInt64(1) << 53) < probability
    }

    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// The index of one of `weights`, chosen with probability proportional to its weight.
    mutating func weighted(_ weights: [Int]) -> Int {
        var roll = below(weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }

    /// Up to `limit` distinct elements of `elements`, in their original order.
    mutating func subset<Element>(of elements: [Element], atMost limit: Int) -> [Element] {
        let count = below(min(limit, elements.count) + 1)
        var chosen = Set<Int>()
        while chosen.count < count { chosen.insert(below(elements.count)) }
        return chosen.sorted().map { elements[$0] }
    }
}
