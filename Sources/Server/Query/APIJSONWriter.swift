import PromQL
import TimeSeries

/// Writes the Prometheus HTTP API's JSON by hand: results can hold hundreds of thousands of
/// samples, and the format is fixed (values as strings, timestamps as seconds), so a byte writer is
/// both faster than `JSONEncoder` and exactly Prometheus' spelling.
struct APIJSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                raw("\\u00")
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `{"name":"value",…}` in the labels' (sorted) order.
    mutating func labels(_ labels: Labels) {
        raw("{")
        for (index, pair) in labels.pairs.enumerated() {
            if index > 0 { raw(",") }
            string(pair.name)
            raw(":")
            string(pair.value)
        }
        raw("}")
    }

    /// `[1435781451.781,"1"]`.
    mutating func point(_ timestamp: Int64, _ value: Double) {
        raw("[")
        raw(SampleValueText.timestamp(timestamp))
        raw(",\"")
        raw(SampleValueText.value(value))
        raw("\"]")
    }

    /// `["a","b"]`.
    mutating func strings(_ values: [String]) {
        raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { raw(",") }
            string(value)
        }
        raw("]")
    }
}
