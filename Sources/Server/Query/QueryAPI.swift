import HTTPTypes
import PromQL
import TimeSeries

/// The Prometheus query endpoints' logic, apart from HTTP: parameters in, envelope bytes or an
/// ``APIError`` out, with Prometheus 2.42's parameter rules and messages.
struct QueryAPI: Sendable {
    let settings: QueryAPISettings
    /// Now, in ms: the default `time` of an instant query.
    let now: @Sendable () -> Int64

    /// `/api/v1/query`: `query`, optional `time` (default now) and `timeout`.
    func instant(_ parameters: FormParameters, waited: Duration = .zero) -> Result<[UInt8], APIError> {
        do throws(APIError) {
            let time = try parameters["time"].map { text throws(APIError) in try Self.time(text, "time") } ?? now()
            let engine = QueryEngine(options: try options(parameters, waited: waited))
            let expr = try Self.expression(parameters)
            return .success(
                QueryResultJSON.envelope(
                    try Self.run { () throws(QueryError) in
                        try engine.instant(expr, at: time, on: settings.store)
                    }))
        } catch {
            return .failure(error)
        }
    }

    /// `/api/v1/query_range`: `query`, `start`, `end`, `step`, optional `timeout`.
    func range(_ parameters: FormParameters, waited: Duration = .zero) -> Result<[UInt8], APIError> {
        do throws(APIError) {
            let start = try Self.time(parameters["start"] ?? "", "start")
            let end = try Self.time(parameters["end"] ?? "", "end")
            guard end >= start else { throw Self.invalid("end", "end timestamp must not be before start time") }
            let step = try Self.duration(parameters["step"] ?? "", "step")
            guard step > 0 else {
                throw Self.invalid(
                    "step", "zero or negative query resolution step widths are not accepted. Try a positive integer")
            }
            guard (end - start) / step <= Int64(settings.maxPointsPerSeries) else {
                throw APIError(
                    .badRequest, type: "bad_data",
                    "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)"
                )
            }
            let engine = QueryEngine(options: try options(parameters, waited: waited))
            let expr = try Self.expression(parameters)
            return .success(
                QueryResultJSON.envelope(
                    try Self.run { () throws(QueryError) in
                        try engine.range(expr, start: start, end: end, step: step, on: settings.store)
                    }))
        } catch {
            return .failure(error)
        }
    }

    /// `/api/v1/series`: `match[]` (required), optional `start`, `end`.
    func series(_ parameters: FormParameters) -> Result<[UInt8], APIError> {
        do throws(APIError) {
            guard !parameters.all("match[]").isEmpty else {
                throw APIError(.badRequest, type: "bad_data", "no match[] parameter provided")
            }
            let (sets, start, end) = try selection(parameters)
            return .success(
                QueryResultJSON.seriesEnvelope(settings.store.series(matching: sets, from: start, through: end)))
        } catch {
            return .failure(error)
        }
    }

    /// `/api/v1/labels`: optional `match[]`, `start`, `end`.
    func labelNames(_ parameters: FormParameters) -> Result<[UInt8], APIError> {
        do throws(APIError) {
            let (sets, start, end) = try selection(parameters)
            var names = Set<String>()
            for labels in settings.store.series(matching: sets, from: start, through: end) {
                for pair in labels.pairs { names.insert(pair.name) }
            }
            return .success(QueryResultJSON.stringsEnvelope(names.sorted()))
        } catch {
            return .failure(error)
        }
    }

    /// `/api/v1/label/{name}/values`: optional `match[]`, `start`, `end`.
    func labelValues(_ name: String, _ parameters: FormParameters) -> Result<[UInt8], APIError> {
        do throws(APIError) {
            guard Self.isLabelName(name) else {
                throw APIError(.badRequest, type: "bad_data", "invalid label name: \"\(name)\"")
            }
            let (sets, start, end) = try selection(parameters)
            var values = Set<String>()
            for labels in settings.store.series(matching: sets, from: start, through: end) {
                if let value = labels[name] { values.insert(value) }
            }
            return .success(QueryResultJSON.stringsEnvelope(values.sorted()))
        } catch {
            return .failure(error)
        }
    }

    // MARK: - Parameters

    /// The engine's options for this query: the `timeout` parameter can only shorten the limit, and
    /// the time spent waiting for a turn counts against it (as in Prometheus, whose timeout starts
    /// before the query queue).
    private func options(_ parameters: FormParameters, waited: Duration) throws(APIError) -> QueryOptions {
        var options = settings.options
        if let text = parameters["timeout"] {
            let timeout = try Self.duration(text, "timeout")
            options.timeout = min(options.timeout, .milliseconds(max(timeout, 0)))
        }
        guard waited < options.timeout else {
            throw APIError(.serviceUnavailable, type: "timeout", "query timed out in query queue")
        }
        options.timeout -= waited
        return options
    }

    private func selection(_ parameters: FormParameters) throws(APIError) -> ([[LabelMatcher]], Int64, Int64) {
        let start =
            try parameters["start"].map { text throws(APIError) in try Self.time(text, "start") }
            ?? APITime.minTime
        let end = try parameters["end"].map { text throws(APIError) in try Self.time(text, "end") } ?? APITime.maxTime
        var sets: [[LabelMatcher]] = []
        for text in parameters.all("match[]") {
            do {
                let matchers = try PromQLParser.parseMetricSelector(text)
                guard matchers.contains(where: { !$0.matchesEmpty }) else {
                    throw APIError(.badRequest, type: "bad_data", "match[] must contain at least one non-empty matcher")
                }
                sets.append(matchers)
            } catch let error as PromQLParseError {
                throw APIError(.badRequest, type: "bad_data", "\(error)")
            } catch let error as APIError {
                throw error
            } catch {
                throw APIError(.badRequest, type: "bad_data", "\(error)")
            }
        }
        return (sets, start, end)
    }

    private static func expression(_ parameters: FormParameters) throws(APIError) -> Expr {
        do {
            return try PromQLParser.parse(parameters["query"] ?? "")
        } catch {
            throw invalid("query", "\(error)")
        }
    }

    private static func time(_ text: String, _ name: String) throws(APIError) -> Int64 {
        switch APITime.parseTime(text) {
        case .success(let value): return value
        case .failure(let error): throw invalid(name, error.message)
        }
    }

    private static func duration(_ text: String, _ name: String) throws(APIError) -> Int64 {
        switch APITime.parseDuration(text) {
        case .success(let value): return value
        case .failure(let error): throw invalid(name, error.message)
        }
    }

    private static func invalid(_ parameter: String, _ message: String) -> APIError {
        APIError(.badRequest, type: "bad_data", "invalid parameter \"\(parameter)\": \(message)")
    }

    /// Runs an evaluation, mapping its errors to Prometheus' error types and statuses.
    private static func run(_ body: () throws(QueryError) -> QueryValue) throws(APIError) -> QueryValue {
        do {
            return try body()
        } catch {
            switch error {
            case .execution, .tooManySamples:
                throw APIError(.unprocessableContent, type: "execution", "\(error)")
            case .timeout:
                throw APIError(.serviceUnavailable, type: "timeout", "\(error)")
            case .canceled:
                throw APIError(HTTPResponse.Status(code: 499), type: "canceled", "\(error)")
            }
        }
    }

    /// Prometheus' label name rule: `[a-zA-Z_][a-zA-Z0-9_]*`.
    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || ($0 >= 48 && $0 <= 57) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
