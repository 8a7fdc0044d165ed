/// A duration written the way Prometheus writes them: `15s`, `1h30m`, `2w`, `0`.
///
/// Rule files and configuration are pasted from Prometheus and Alertmanager, so Vigil accepts
/// exactly Prometheus' syntax (units `y w d h m s ms`, each at most once, largest first) and
/// prints durations back the same way Prometheus does.
public struct PromDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Whole milliseconds.
    public let milliseconds: Int64

    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    public init(seconds: Double) {
        self.milliseconds = Int64((seconds * 1000).rounded())
    }

    /// The duration in seconds.
    public var seconds: Double { Double(milliseconds) / 1000 }

    public static func < (lhs: PromDuration, rhs: PromDuration) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }

    /// Why a string is not a Prometheus duration.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case empty
        case invalid(String)
        case overflow(String)

        public var description: String {
            switch self {
            case .empty: return "empty duration string"
            case .invalid(let text): return "not a valid duration string: \"\(text)\""
            case .overflow(let text): return "duration out of range: \"\(text)\""
            }
        }
    }

    private static let units: [(symbol: String, milliseconds: Int64)] = [
        ("y", 365 * 24 * 3_600_000), ("w", 7 * 24 * 3_600_000), ("d", 24 * 3_600_000),
        ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    /// Parses Prometheus' duration syntax (`model.ParseDuration`).
    public init(parsing text: String) throws(ParseError) {
        if text.isEmpty { throw .empty }
        if text == "0" {
            self.milliseconds = 0
            return
        }
        var text = text
        let parsed = text.withUTF8 { Self.parse($0) }
        switch parsed {
        case .success(let milliseconds): self.milliseconds = milliseconds
        case .failure(.overflow): throw .overflow(text)
        case .failure: throw .invalid(text)
        }
    }

    /// The scan itself, over the UTF-8 bytes in place (no copy).
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Int64, ParseError> {
        var index = 0
        var nextUnit = 0
        var total: Int64 = 0
        while index < bytes.count {
            var number: Int64 = 0
            let digitsStart = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                let (times10, overflow1) = number.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int64(bytes[index] - 0x30))
                if overflow1 || overflow2 { return .failure(.overflow("")) }
                number = sum
                index += 1
            }
            if index == digitsStart { return .failure(.invalid("")) }
            let unitStart = index
            while index < bytes.count, bytes[index] >= 0x61, bytes[index] <= 0x7A { index += 1 }
            let symbol = UnsafeBufferPointer(rebasing: bytes[unitStart..<index])
            guard let found = units[nextUnit...].firstIndex(where: { $0.symbol.utf8.elementsEqual(symbol) }) else {
                return .failure(.invalid(""))
            }
            nextUnit = found + 1
            let (product, overflow3) = number.multipliedReportingOverflow(by: units[found].milliseconds)
            let (sum, overflow4) = total.addingReportingOverflow(product)
            if overflow3 || overflow4 { return .failure(.overflow("")) }
            total = sum
        }
        return .success(total)
    }

    /// Prometheus' canonical form: `1h30m`, `2w`, `500ms`, `0s`.
    public var description: String {
        var remaining = milliseconds
        if remaining == 0 { return "0s" }
        var text = remaining < 0 ? "-" : ""
        remaining = remaining == .min ? .max : abs(remaining)
        for (symbol, size) in Self.units {
            let count = remaining / size
            if count > 0 {
                text += "\(count)\(symbol)"
                remaining -= count * size
            }
        }
        return text
    }
}
