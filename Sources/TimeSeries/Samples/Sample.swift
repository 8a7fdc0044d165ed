/// One value of a series at one instant: milliseconds since the Unix epoch (Prometheus' unit) and a
/// float. Staleness is a particular NaN, see ``StaleMarker``.
public struct Sample: Sendable, Hashable {
    public var timestamp: Int64
    public var value: Double

    public init(timestamp: Int64, value: Double) {
        self.timestamp = timestamp
        self.value = value
    }

    public static func == (lhs: Sample, rhs: Sample) -> Bool {
        lhs.timestamp == rhs.timestamp && lhs.value.bitPattern == rhs.value.bitPattern
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(timestamp)
        hasher.combine(value.bitPattern)
    }

    /// Whether this sample marks the end of its series rather than carrying a value.
    public var isStale: Bool { StaleMarker.isStale(value) }
}

/// Prometheus' staleness marker: the NaN with bit pattern 0x7ff0000000000002, written when a
/// series disappears from its source so instant selectors stop returning it at once instead of
/// for the whole 5-minute lookback. Ordinary NaN values stay ordinary values.
public enum StaleMarker {
    public static let bitPattern: UInt64 = 0x7ff0_0000_0000_0002
    public static let value = Double(bitPattern: bitPattern)

    public static func isStale(_ value: Double) -> Bool { value.bitPattern == bitPattern }
}
