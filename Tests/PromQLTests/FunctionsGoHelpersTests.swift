import Testing

@testable import PromQL

@Suite struct FunctionsGoFormatTests {
    // strconv.FormatFloat(v, 'f', -1, 64): shortest digits, never an exponent.
    @Test func shortestFixed() {
        #expect(GoFloatFormat.shortestFixed(1) == "1")
        #expect(GoFloatFormat.shortestFixed(0) == "0")
        #expect(GoFloatFormat.shortestFixed(-0.0) == "-0")
        #expect(GoFloatFormat.shortestFixed(2.5) == "2.5")
        #expect(GoFloatFormat.shortestFixed(123_456.7) == "123456.7")
        #expect(GoFloatFormat.shortestFixed(1e21) == "1000000000000000000000")
        #expect(GoFloatFormat.shortestFixed(1e-7) == "0.0000001")
        #expect(GoFloatFormat.shortestFixed(-0.001) == "-0.001")
        #expect(GoFloatFormat.shortestFixed(0.1 + 0.2) == "0.30000000000000004")
        #expect(GoFloatFormat.shortestFixed(.nan) == "NaN")
        #expect(GoFloatFormat.shortestFixed(-.infinity) == "-Inf")
        #expect(
            GoFloatFormat.shortestFixed(Double.leastNonzeroMagnitude) == "0." + String(repeating: "0", count: 323) + "5"
        )
    }

    // fmt's %v: %e form when the decimal exponent is < -4 or >= 6 (Go prints 1e+06).
    @Test func shortestGeneral() {
        #expect(GoFloatFormat.shortestGeneral(1e19) == "1e+19")
        #expect(GoFloatFormat.shortestGeneral(1_000_000) == "1e+06")
        #expect(GoFloatFormat.shortestGeneral(123_456) == "123456")
        #expect(GoFloatFormat.shortestGeneral(9_999_999_999) == "9.999999999e+09")
        #expect(GoFloatFormat.shortestGeneral(0.0001) == "0.0001")
        #expect(GoFloatFormat.shortestGeneral(0.00001) == "1e-05")
        #expect(GoFloatFormat.shortestGeneral(-2.5e-300) == "-2.5e-300")
        #expect(GoFloatFormat.shortestGeneral(0) == "0")
        #expect(GoFloatFormat.shortestGeneral(.infinity) == "+Inf")
    }

    // fmt's %f rounds the exact binary value half to even (cross-checked with C's printf rounding):
    // 5e-7 is 4.99…e-7 (down), 2^-7 = 0.0078125 is an exact tie (to even, 2), 3·2^-7 = 0.0234375
    // rounds to 8; 1.5e-6 is 1.50…04e-6 (up).
    @Test func fixedSixDecimals() {
        #expect(GoFloatFormat.fixed6(1) == "1.000000")
        #expect(GoFloatFormat.fixed6(0.1) == "0.100000")
        #expect(GoFloatFormat.fixed6(-0.25) == "-0.250000")
        #expect(GoFloatFormat.fixed6(5e-7) == "0.000000")
        #expect(GoFloatFormat.fixed6(1.5e-6) == "0.000002")
        #expect(GoFloatFormat.fixed6(0.007_812_5) == "0.007812")
        #expect(GoFloatFormat.fixed6(0.023_437_5) == "0.023438")
        #expect(GoFloatFormat.fixed6(2.000_000_5) == "2.000001")
        #expect(GoFloatFormat.fixed6(0.999_999_9) == "1.000000")
        #expect(GoFloatFormat.fixed6(1e20) == "100000000000000000000.000000")
        #expect(GoFloatFormat.fixed6(-1e-10) == "-0.000000")
        #expect(GoFloatFormat.fixed6(.nan) == "NaN")
    }
}

@Suite struct FunctionsGoSortTests {
    // Up to 12 elements Go runs insertion sort, which is stable: equal keys keep their order.
    @Test func shortInputsSortStably() {
        var pairs = [(2, "a"), (1, "b"), (2, "c"), (1, "d"), (0, "e")]
        GoSort.sort(&pairs) { $0.0 < $1.0 }
        #expect(pairs.map(\.1) == ["e", "b", "d", "a", "c"])
    }

    // A comparison where NaN is less than everything sends NaN to the front (quantile's order).
    @Test func nanFirstOrdering() {
        var values: [Double] = [3, .nan, 1, 2, .nan]
        GoSort.sort(&values) { $0.isNaN || $0 < $1 }
        #expect(values.prefix(2).allSatisfy { $0.isNaN })
        #expect(Array(values.suffix(3)) == [1, 2, 3])
    }

    @Test func longInputsComeOutSortedAsAPermutation() {
        for count in [13, 50, 51, 200, 1000] {
            var generator = SplitMix(seed: UInt64(count))
            let original = (0..<count).map { _ in Int(generator.next() % 37) }
            var sorted = original
            GoSort.sort(&sorted) { $0 < $1 }
            #expect(sorted == original.sorted(), "\(count)")
            var descending = original
            GoSort.sort(&descending) { $0 > $1 }
            #expect(descending == original.sorted(by: >), "\(count)")
        }
        var alreadySorted = Array(0..<100)
        GoSort.sort(&alreadySorted) { $0 < $1 }
        #expect(alreadySorted == Array(0..<100))
        var reversed = Array((0..<100).reversed())
        GoSort.sort(&reversed) { $0 < $1 }
        #expect(reversed == Array(0..<100))
    }

    // sort.Search bisects: first index where the predicate holds, or n.
    @Test func searchFindsTheFirstTrueIndex() {
        let counts = [1.0, 4, 4, 9]
        #expect(GoSort.search(counts.count) { counts[$0] >= 4 } == 1)
        #expect(GoSort.search(counts.count) { counts[$0] >= 10 } == 4)
        #expect(GoSort.search(0) { _ in true } == 0)
    }

    // container/heap with `<`: pops come out smallest first.
    @Test func heapPopsInOrder() {
        var heap: [Int] = []
        for value in [5, 3, 8, 1, 9, 2] { GoHeap.push(&heap, value, by: <) }
        var popped: [Int] = []
        while let value = GoHeap.pop(&heap, by: <) { popped.append(value) }
        #expect(popped == [1, 2, 3, 5, 8, 9])
    }

    // A deterministic generator for the permutation test.
    private struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
