import Alerting
import ArgumentParser
import Foundation
import TimeSeries
import VigilCore

/// `vigil silence add|list|expire`: silences of a running daemon, as amtool manages them.
struct SilenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "silence",
        abstract: "Add, list and expire silences of a running daemon.",
        subcommands: [SilenceAddCommand.self, SilenceListCommand.self, SilenceExpireCommand.self]
    )
}

struct SilenceAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Silence the alerts matching every matcher; prints the silence id.")

    @Argument(help: "Matchers, e.g. alertname=HighUtilization 'rotation=~\"clinic|inpatient\"'.")
    var matchers: [String]

    @Option(name: .long, help: "Why (required, as in Alertmanager).")
    var comment: String

    @Option(name: .long, help: "Who (default: the login name).")
    var author: String = ProcessInfo.processInfo.environment["USER"] ?? "vigil"

    @Option(name: .long, help: "How long, in Prometheus syntax (30m, 4h, 2d).")
    var duration: String = "1h"

    @Option(name: .long, help: "The daemon's URL.")
    var server: String = "http://127.0.0.1:9095"

    func validate() throws {
        if matchers.isEmpty { throw ValidationError("give at least one matcher") }
        do {
            for text in matchers { _ = try MatcherParser.parse(text) }
            let parsed = try PromDuration(parsing: duration)
            if parsed.milliseconds <= 0 { throw ValidationError("--duration must be positive") }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() async throws {
        let parsed = matchers.flatMap { (try? MatcherParser.parse($0)) ?? [] }
        let now = Date().unixMilliseconds
        let length = (try? PromDuration(parsing: duration).milliseconds) ?? 3_600_000
        var json = GoJSONWriter()
        json.raw("{\"comment\":")
        json.string(comment)
        json.raw(",\"createdBy\":")
        json.string(author)
        json.raw(",\"startsAt\":")
        json.string(GoTime.rfc3339(now))
        json.raw(",\"endsAt\":")
        json.string(GoTime.rfc3339(now + length))
        json.raw(",\"matchers\":[")
        for (index, matcher) in parsed.enumerated() {
            if index > 0 { json.raw(",") }
            let isRegex = matcher.kind == .regexMatch || matcher.kind == .regexNoMatch
            let isEqual = matcher.kind == .equal || matcher.kind == .regexMatch
            json.raw("{\"name\":")
            json.string(matcher.name)
            json.raw(",\"value\":")
            json.string(matcher.value)
            json.raw(",\"isRegex\":\(isRegex),\"isEqual\":\(isEqual)}")
        }
        json.raw("]}")
        let client = AlertmanagerClient(server: server, command: "silence add")
        let body = await client.send("POST", "/api/v2/silences", body: json.bytes, authorized: true)
        let answer = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        print(answer?["silenceID"] as? String ?? String(decoding: body, as: UTF8.self))
    }
}

struct SilenceListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List silences (active and pending; --expired for expired ones).")

    @Flag(name: .long, help: "List expired silences instead.")
    var expired = false

    @Option(name: .long, help: "The daemon's URL.")
    var server: String = "http://127.0.0.1:9095"

    func run() async throws {
        let client = AlertmanagerClient(server: server, command: "silence list")
        let body = await client.send("GET", "/api/v2/silences")
        guard let silences = try? JSONSerialization.jsonObject(with: Data(body)) as? [[String: Any]] else {
            client.fail("unexpected answer: \(String(decoding: body, as: UTF8.self))")
        }
        var rows = [["ID", "MATCHERS", "STATE", "ENDS AT", "CREATED BY", "COMMENT"]]
        for silence in silences {
            let state = (silence["status"] as? [String: Any])?["state"] as? String ?? ""
            guard (state == "expired") == expired else { continue }
            let matchers = (silence["matchers"] as? [[String: Any]] ?? []).map { matcher -> String in
                let isRegex = matcher["isRegex"] as? Bool ?? false
                let isEqual = matcher["isEqual"] as? Bool ?? true
                let op = isRegex ? (isEqual ? "=~" : "!~") : (isEqual ? "=" : "!=")
                return "\(matcher["name"] as? String ?? "")\(op)\"\(matcher["value"] as? String ?? "")\""
            }
            rows.append([
                silence["id"] as? String ?? "", matchers.joined(separator: " "), state,
                silence["endsAt"] as? String ?? "", silence["createdBy"] as? String ?? "",
                silence["comment"] as? String ?? "",
            ])
        }
        print(AlertmanagerClient.table(rows), terminator: "")
    }
}

struct SilenceExpireCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "expire", abstract: "End silences now.")

    @Argument(help: "Silence ids.")
    var ids: [String]

    @Option(name: .long, help: "The daemon's URL.")
    var server: String = "http://127.0.0.1:9095"

    func run() async throws {
        let client = AlertmanagerClient(server: server, command: "silence expire")
        for id in ids {
            _ = await client.send("DELETE", "/api/v2/silence/\(id)", authorized: true)
            print("expired \(id)")
        }
    }
}
