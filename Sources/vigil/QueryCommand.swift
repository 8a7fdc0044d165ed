import ArgumentParser
import Foundation
import PromQL
import Resilience
import Schedule
import Server
import TimeSeries
import Transport
import VigilDaemon

/// `vigil query EXPR`: evaluates PromQL once — offline against the resilience engine's metrics of a
/// schedule file, or against a running daemon with `--server` — and prints the result as Prometheus'
/// API does (`--format json`, the default) or as a table.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Evaluate a PromQL expression once (exit 0, 1 on error)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, table
    }

    @Argument(help: "The PromQL expression.")
    var expression: String

    @Option(name: .long, help: "Evaluation time: Unix seconds or RFC 3339 (default: now).")
    var time: String?

    @Option(name: .long, help: "Schedule file for offline evaluation (default: etc/demo/program.json).")
    var schedule: String = "etc/demo/program.json"

    @Option(name: .long, help: "First day of the engine's window, YYYY-MM-DD (default: the day of --time, UTC).")
    var from: String?

    @Option(name: .long, help: "Days in the engine's window.")
    var days: Int = 28

    @Option(name: .long, help: "A running daemon's URL (e.g. http://127.0.0.1:9095) to query instead.")
    var server: String?

    @Option(name: .long, help: "Output: json (Prometheus' API envelope) or table.")
    var format: Format = .json

    func validate() throws {
        if let time, QueryTime.milliseconds(time) == nil {
            throw ValidationError("--time must be Unix seconds or RFC 3339, not \"\(time)\"")
        }
        if let from, Day(iso: from) == nil {
            throw ValidationError("--from must be a date YYYY-MM-DD, not \"\(from)\"")
        }
        guard (1...731).contains(days) else { throw ValidationError("--days must be between 1 and 731, not \(days)") }
    }

    func run() async throws {
        let at = time.flatMap(QueryTime.milliseconds) ?? Int64(Date().timeIntervalSince1970 * 1000)
        if let server {
            try await runRemote(server, at: at)
        } else {
            try runOffline(at: at)
        }
    }

    private func runOffline(at time: Int64) throws {
        let expr: Expr
        do {
            expr = try PromQLParser.parse(expression)
        } catch {
            fail("\(error)")
        }
        let program = try ScheduleFile.load(schedule)
        let start = from.flatMap { Day(iso: $0) } ?? Day(ordinal: Int(time.floorDivided(by: 86_400_000)))
        let store = OfflineSeries.store(program: program, window: ScheduleWindow(from: start, days: days), at: time)
        let value: QueryValue
        do {
            value = try QueryEngine().instant(expr, at: time, on: store)
        } catch {
            fail("\(error)")
        }
        switch format {
        case .json: print(String(decoding: QueryResultJSON.envelope(value), as: UTF8.self))
        case .table: print(QueryTable.render(value), terminator: "")
        }
    }

    private func runRemote(_ server: String, at time: Int64) async throws {
        let base = server.hasSuffix("/") ? String(server.dropLast()) : server
        let query = URLQuery.encode([("query", expression), ("time", SampleValueText.timestamp(time))])
        let response: HTTPResponse
        do {
            response = try await CurlTransport().perform(
                HTTPRequest(method: "GET", url: "\(base)/api/v1/query?\(query)"))
        } catch {
            fail("cannot reach \(base): \(error)")
        }
        let body = response.bodyText
        guard response.status == 200 else {
            let message = (try? QueryResultDecoder.error(response.body)) ?? body
            fail("\(base) answered \(response.status): \(message)")
        }
        switch format {
        case .json: print(body)
        case .table:
            do {
                print(QueryTable.render(try QueryResultDecoder.value(response.body)), terminator: "")
            } catch {
                fail("unexpected answer from \(base): \(error)")
            }
        }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("vigil query: \(message)\n".utf8))
        Foundation.exit(1)
    }
}

/// `--time` as Prometheus' API reads `time`: Unix seconds (fractions allowed) or RFC 3339.
enum QueryTime {
    static func milliseconds(_ text: String) -> Int64? {
        if let seconds = Double(text), seconds.isFinite { return Int64((seconds * 1000).rounded()) }
        return PrometheusAPITime.milliseconds(text)
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
