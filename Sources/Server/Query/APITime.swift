import PromQL

/// The time and duration parameters of Prometheus' HTTP API: `time=1435781451.781` or
/// `time=2015-07-01T20:10:51.781Z`; `step=15`, `step=15s`, `timeout=30s`.
enum APITime {
    /// Prometheus' minimum and maximum timestamps, the defaults of `start` and `end` in metadata queries.
    static let minTime: Int64 = -9_223_309_901_257_974
    static let maxTime: Int64 = 9_223_309_901_257_974

    /// A timestamp in ms, or the message Prometheus gives (`cannot parse "x" to a valid timestamp`).
    static func parseTime(_ text: String) -> Result<Int64, APIParameterError> {
        if let seconds = Double(text), seconds.isFinite {
            let whole = seconds.rounded(.towardZero)
            let fraction = ((seconds - whole) * 1000).rounded() / 1000
            return .success(Int64(whole) * 1000 + Int64((fraction * 1000).rounded()))
        }
        if let milliseconds = RFC3339.milliseconds(text) { return .success(milliseconds) }
        switch text {
        case "-292273086-05-16T16:47:06Z": return .success(minTime)
        case "292277025-08-18T07:12:54.999999999Z": return .success(maxTime)
        default: return .failure(APIParameterError("cannot parse \"\(text)\" to a valid timestamp"))
        }
    }

    /// A duration in ms: float seconds or a PromQL duration.
    static func parseDuration(_ text: String) -> Result<Int64, APIParameterError> {
        if let seconds = Double(text), seconds.isFinite {
            let milliseconds = seconds * 1000
            guard abs(milliseconds) < 9.2e15 else {
                return .failure(APIParameterError("cannot parse \"\(text)\" to a valid duration. It overflows int64"))
            }
            return .success(Int64(milliseconds.rounded(.towardZero)))
        }
        if let milliseconds = PromQLParser.parseDuration(text) { return .success(milliseconds) }
        return .failure(APIParameterError("cannot parse \"\(text)\" to a valid duration"))
    }
}

/// Why a parameter was refused; the route wraps it as `invalid parameter "name": message`.
struct APIParameterError: Error, Sendable {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}

/// Prometheus' API time syntax for clients outside `Server` (`vigil query --time`).
public enum PrometheusAPITime {
    /// Unix seconds or RFC 3339 to ms; nil when neither.
    public static func milliseconds(_ text: String) -> Int64? {
        try? APITime.parseTime(text).get()
    }
}
