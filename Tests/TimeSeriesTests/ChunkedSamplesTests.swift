import Testing

@testable import TimeSeries

@Suite struct ChunkedSamplesTests {
    /// Values whose bits a float-minded encoder could lose: NaN payloads (the staleness marker among
    /// them), signed zeros and infinities, subnormals, extremes.
    static let specials: [Double] = [
        StaleMarker.value, .nan, -.nan, Double(bitPattern: 0x7FF8_0000_0000_0001),
        Double(bitPattern: 0xFFF0_0000_0000_0F0F),
        .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude, -.leastNormalMagnitude, .greatestFiniteMagnitude, 1, -1,
    ]

    static func randomSeries(_ generator: inout SeededGenerator) -> [Sample] {
        let count = Int.random(in: 1...700, using: &generator)
        var timestamp = Int64.random(in: -1_000_000_000_000...2_000_000_000_000, using: &generator)
        var counter = Double(Int.random(in: 0...1000, using: &generator))
        var samples: [Sample] = []
        for _ in 0..<count {
            let value: Double
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: value = specials.randomElement(using: &generator) ?? 0
            case 1: value = Double(bitPattern: generator.next())
            case 2: value = samples.last?.value ?? 0
            default:
                counter += Double(Int.random(in: 0...20, using: &generator))
                value = counter
            }
            samples.append(Sample(timestamp: timestamp, value: value))
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: timestamp += 15_000
            case 1: timestamp += 15_000 + Int64.random(in: -40...40, using: &generator)
            case 2: timestamp += Int64.random(in: 1...10_000_000, using: &generator)
            case 3: timestamp += Int64.random(in: 1...(1 << 40), using: &generator)
            default: timestamp += 1
            }
        }
        return samples
    }

    @Test func randomSeriesRoundTripBitForBit() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let input = Self.randomSeries(&generator)
            var chunks = ChunkedSamples()
            let accepted = input.map { chunks.append($0) }
            #expect(accepted.allSatisfy { $0 })
            // Sample's == compares value bit patterns, so NaN payloads must match exactly.
            #expect(chunks.samples == input)
            #expect(chunks.count == input.count)
            // A non-integer value ends an integer chunk early, so there may be more than count / 120.
            #expect(chunks.chunkCount >= (input.count + 119) / 120)
        }
    }

    @Test func timestampsAtTheEdgesOfInt64RoundTrip() {
        let input = [
            Sample(timestamp: .min, value: 1), Sample(timestamp: .min + 1, value: 2), Sample(timestamp: -1, value: 3),
            Sample(timestamp: 0, value: 4), Sample(timestamp: .max - 1, value: 5), Sample(timestamp: .max, value: 6),
        ]
        var chunks = ChunkedSamples()
        let accepted = input.map { chunks.append($0) }
        #expect(accepted.allSatisfy { $0 })
        #expect(chunks.samples == input)
    }

    @Test func rangesIncludeBothEndsAcrossChunkBoundaries() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<100 {
            let input = Self.randomSeries(&generator)
            var chunks = ChunkedSamples()
            for sample in input { chunks.append(sample) }
            let times = input.map(\.timestamp)
            for _ in 0..<10 {
                // Ends drawn from the sample times themselves, so inclusiveness is exercised.
                var mint = times.randomElement(using: &generator) ?? 0
                var maxt = times.randomElement(using: &generator) ?? 0
                if mint > maxt { swap(&mint, &maxt) }
                if Bool.random(using: &generator) { mint -= 1 }
                var out: [Sample] = []
                chunks.collect(from: mint, through: maxt, into: &out)
                let expected = input.filter { $0.timestamp >= mint && $0.timestamp <= maxt }
                #expect(out == expected)
                #expect(chunks.hasSample(from: mint, through: maxt) == !expected.isEmpty)
            }
        }
    }

    @Test func outOfOrderAndDuplicateTimestampsAreRefused() {
        var chunks = ChunkedSamples()
        let accepted = [10, 10, 9, 11].enumerated().map { index, time in
            chunks.append(Sample(timestamp: Int64(time), value: Double(index + 1)))
        }
        #expect(accepted == [true, false, false, true])
        #expect(chunks.samples == [Sample(timestamp: 10, value: 1), Sample(timestamp: 11, value: 4)])
    }

    @Test func steadyConstantSeriesTakesTwoBitsPerSample() {
        // By hand: each 120-sample chunk is a 20-byte header, then 64 bits of the first value, 24 bits for
        // the first delta (15000 needs the 20-bit bucket) + 1 bit of unchanged value, then 118 × (1 + 1)
        // bits: 325 bits = 41 bytes, so 61 bytes a chunk and 244 for 480 samples.
        var chunks = ChunkedSamples()
        for step in 0..<480 { chunks.append(Sample(timestamp: Int64(step) * 15_000, value: 7)) }
        #expect(chunks.bytes.count == 244)
    }

    @Test func wholeNumberCountersTakeTenBitsPerSample() {
        // By hand: integer chunks of 120 samples; the payload is 64 bits of the first value, 24 + 9 bits for
        // the second sample (first delta 15000, step 1–20 in the 7-bit bucket), then 118 × (1 + 9) bits:
        // 1277 bits = 160 bytes, plus the 20-byte header, 180 bytes a chunk, 720 for 480 samples.
        var generator = SeededGenerator(seed: 5)
        var chunks = ChunkedSamples()
        var counter = 1e6
        var input: [Sample] = []
        for step in 0..<480 {
            counter += Double(Int.random(in: 1...20, using: &generator))
            input.append(Sample(timestamp: Int64(step) * 15_000, value: counter))
            chunks.append(input[step])
        }
        #expect(chunks.bytes.count == 720)
        #expect(chunks.samples == input)
    }

    @Test func aFractionEndsAnIntegerChunkAndStartsAnXORChunk() {
        // 10 whole numbers (an integer chunk), then 0.5 starts an XOR chunk that keeps the whole numbers
        // after it; -0.0 is not a whole number either (its bits would not come back from an integer).
        var chunks = ChunkedSamples()
        let values: [Double] = Array(repeating: 3, count: 10) + [0.5] + Array(repeating: 4, count: 10)
        for (time, value) in values.enumerated() { chunks.append(Sample(timestamp: Int64(time), value: value)) }
        #expect(chunks.chunkCount == 2)
        var zeros = ChunkedSamples()
        for (time, value) in [1, -0.0, 2].enumerated() { zeros.append(Sample(timestamp: Int64(time), value: value)) }
        #expect(zeros.chunkCount == 2)
        #expect(zeros.samples.map(\.value.bitPattern) == [1, -0.0, 2].map(\.bitPattern))
    }

    @Test func retentionDropsWholeChunksOnly() {
        var chunks = ChunkedSamples()
        for step in 0..<300 { chunks.append(Sample(timestamp: Int64(step), value: Double(step))) }
        // Chunks hold times 0–119, 120–239, 240–299. A cutoff of 130 drops the first one only.
        chunks.dropChunks(before: 130)
        #expect(chunks.samples.first?.timestamp == 120)
        #expect(chunks.count == 180)
        chunks.append(Sample(timestamp: 300, value: 300))
        #expect(chunks.samples.last == Sample(timestamp: 300, value: 300))
        chunks.dropChunks(before: 301)
        #expect(chunks.isEmpty)
        #expect(chunks.samples.isEmpty)
    }
}
