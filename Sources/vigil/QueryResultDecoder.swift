import Foundation
import PromQL
import TimeSeries

/// Reads a Prometheus API answer back into a ``QueryValue`` (for `vigil query --server --format table`).
enum QueryResultDecoder {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// The `error` of an error envelope.
    static func error(_ body: [UInt8]) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        guard let message = object?["error"] as? String else { throw Malformed(description: "no error message") }
        return "\(object?["errorType"] as? String ?? "error"): \(message)"
    }

    static func value(_ body: [UInt8]) throws -> QueryValue {
        guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let data = object["data"] as? [String: Any], let type = data["resultType"] as? String
        else { throw Malformed(description: "not a query envelope") }
        let result = data["result"]
        switch type {
        case "scalar":
            return .scalar(try point(result))
        case "string":
            guard let pair = result as? [Any], pair.count == 2, let text = pair[1] as? String else {
                throw Malformed(description: "bad string result")
            }
            return .string(text, timestamp: try timestamp(pair[0]))
        case "vector":
            let items = result as? [[String: Any]] ?? []
            return .vector(
                try items.map { item in
                    let sample = try point(item["value"])
                    return VectorSample(
                        labels: labels(item["metric"]), timestamp: sample.timestamp, value: sample.value)
                })
        case "matrix":
            let items = result as? [[String: Any]] ?? []
            return .matrix(
                try items.map { item in
                    SeriesSamples(
                        labels: labels(item["metric"]), samples: try (item["values"] as? [Any] ?? []).map(point))
                })
        default:
            throw Malformed(description: "unknown resultType \"\(type)\"")
        }
    }

    private static func labels(_ value: Any?) -> Labels {
        Labels((value as? [String: String]) ?? [:])
    }

    private static func point(_ value: Any?) throws -> Sample {
        guard let pair = value as? [Any], pair.count == 2, let text = pair[1] as? String else {
            throw Malformed(description: "bad sample")
        }
        let parsed: Double
        switch text {
        case "+Inf": parsed = .infinity
        case "-Inf": parsed = -.infinity
        case "NaN": parsed = .nan
        default:
            guard let number = Double(text) else { throw Malformed(description: "bad value \"\(text)\"") }
            parsed = number
        }
        return Sample(timestamp: try timestamp(pair[0]), value: parsed)
    }

    private static func timestamp(_ value: Any) throws -> Int64 {
        guard let seconds = (value as? NSNumber)?.doubleValue else { throw Malformed(description: "bad timestamp") }
        return Int64((seconds * 1000).rounded())
    }
}
