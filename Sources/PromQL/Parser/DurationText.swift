/// Prometheus durations (`model.Duration`): units y w d h m s ms, each at most once and in that
/// order (`1h30m`, `2d`, `100ms`); read into and written from milliseconds.
enum DurationText {
    enum Failure: Error, Equatable {
        case invalid
        case outOfRange
    }

    private static let units: [(name: String, milliseconds: Int64)] = [
        ("y", 365 * 24 * 3_600_000), ("w", 7 * 24 * 3_600_000), ("d", 24 * 3_600_000), ("h", 3_600_000),
        ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    /// `model.ParseDuration`: "0" alone is allowed; anything else needs units in order.
    static func milliseconds(_ text: String) -> Result<Int64, Failure> {
        if text == "0" { return .success(0) }
        var text = text
        return text.withUTF8 { milliseconds(bytes: $0) }
    }

    private static func milliseconds(bytes: UnsafeBufferPointer<UInt8>) -> Result<Int64, Failure> {
        guard !bytes.isEmpty else { return .failure(.invalid) }
        var index = 0
        var nextUnit = 0
        var total: Int64 = 0
        var overflow = false
        while index < bytes.count {
            var count: Int64 = 0
            var digits = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                let (product, multiplied) = count.multipliedReportingOverflow(by: 10)
                let (sum, added) = product.addingReportingOverflow(Int64(bytes[index] - 0x30))
                count = multiplied || added ? Int64.max : sum
                digits += 1
                index += 1
            }
            guard digits > 0, index < bytes.count else { return .failure(.invalid) }
            var unit: Int
            switch bytes[index] {
            case UInt8(ascii: "y"): unit = 0
            case UInt8(ascii: "w"): unit = 1
            case UInt8(ascii: "d"): unit = 2
            case UInt8(ascii: "h"): unit = 3
            case UInt8(ascii: "m"): unit = 4
            case UInt8(ascii: "s"): unit = 5
            default: return .failure(.invalid)
            }
            index += 1
            if unit == 4, index < bytes.count, bytes[index] == UInt8(ascii: "s") {
                unit = 6
                index += 1
            }
            guard unit >= nextUnit else { return .failure(.invalid) }
            nextUnit = unit + 1
            let multiplier = units[unit].milliseconds
            // Go sums nanoseconds in an Int64: the total must stay below about 292 years.
            guard count <= Int64.max / 1_000_000 / multiplier else {
                overflow = true
                continue
            }
            total += count * multiplier
            if total > Int64.max / 1_000_000 { overflow = true }
        }
        return overflow ? .failure(.outOfRange) : .success(total)
    }

    /// `model.Duration.String`: `1h30m`, `90d` (weeks and years only when exact), `0s` for zero.
    static func text(_ milliseconds: Int64) -> String {
        if milliseconds == 0 { return "0s" }
        var rest = milliseconds
        var out = ""
        for (index, unit) in units.enumerated() {
            if index < 2 && rest % unit.milliseconds != 0 { continue }
            let count = rest / unit.milliseconds
            if count > 0 {
                out += "\(count)\(unit.name)"
                rest -= count * unit.milliseconds
            }
        }
        return out
    }
}
