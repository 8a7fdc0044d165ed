import TimeSeries

/// A stable identity for an alert: Alertmanager's fingerprint of its label set.
///
/// FNV-1a (64 bit) over the sorted names and values, each followed by a 0xff separator, printed as
/// 16 hex digits — the same value Alertmanager computes, so links and logs agree across both.
public struct AlertFingerprint: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: UInt64

    public init(_ labels: Labels) {
        var hash: UInt64 = 14_695_981_039_346_656_037
        func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 1_099_511_628_211
        }
        for label in labels.pairs {
            for byte in label.name.utf8 { add(byte) }
            add(0xff)
            for byte in label.value.utf8 { add(byte) }
            add(0xff)
        }
        value = hash
    }

    public init(value: UInt64) {
        self.value = value
    }

    /// Parses the 16-hex-digit form (as found in URLs and acknowledgements).
    public init?(_ text: String) {
        guard text.utf8.count == 16, let parsed = UInt64(text, radix: 16) else { return nil }
        value = parsed
    }

    public static func < (lhs: AlertFingerprint, rhs: AlertFingerprint) -> Bool {
        lhs.value < rhs.value
    }

    public var description: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
