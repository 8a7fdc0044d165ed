import TimeSeries

/// The result of evaluating an expression: what the HTTP API returns as `resultType` and `result`.
public enum QueryValue: Sendable, Hashable {
    case scalar(Sample)
    case string(String, timestamp: Int64)
    case vector([VectorSample])
    case matrix([SeriesSamples])

    public var type: ValueType {
        switch self {
        case .scalar: return .scalar
        case .string: return .string
        case .vector: return .vector
        case .matrix: return .matrix
        }
    }
}

/// One element of an instant vector: a series and its value at the evaluation time.
public struct VectorSample: Sendable, Hashable {
    public var labels: Labels
    public var timestamp: Int64
    public var value: Double

    public init(labels: Labels, timestamp: Int64, value: Double) {
        self.labels = labels
        self.timestamp = timestamp
        self.value = value
    }

    public static func == (lhs: VectorSample, rhs: VectorSample) -> Bool {
        lhs.labels == rhs.labels && lhs.timestamp == rhs.timestamp && lhs.value.bitPattern == rhs.value.bitPattern
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(labels)
        hasher.combine(timestamp)
        hasher.combine(value.bitPattern)
    }
}
