import ArgumentParser
import Foundation

/// `vigil incident list|show|open|advance|note|ack|postmortem`: incidents on a running daemon, worked through
/// the method's phases from the command line (writes need `VIGIL_API_TOKEN`).
struct IncidentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "Incidents on a running daemon: list, show, open, advance through the phases, note, acknowledge.",
        subcommands: [
            IncidentListCommand.self, IncidentShowCommand.self, IncidentOpenCommand.self,
            IncidentAdvanceCommand.self, IncidentNoteCommand.self, IncidentAckCommand.self,
            IncidentApproveCommand.self, IncidentUndoCommand.self, IncidentPostmortemCommand.self,
        ])
}

/// The daemon's URL, shared by the incident commands.
struct ServerOption: ParsableArguments {
    @Option(name: .long, help: "The daemon's URL.")
    var server: String = "http://127.0.0.1:9095"

    /// POSTs `object` as JSON with the API token to `path`; returns the incident the daemon answers
    /// (or exits 1 with the daemon's message, as every client command does).
    func post(_ path: String, _ object: [String: Any], command: String) async throws -> [String: Any] {
        let body = try JSONSerialization.data(withJSONObject: object)
        let answer = await AlertmanagerClient(server: server, command: "incident \(command)")
            .send("POST", path, body: Array(body), authorized: true)
        return IncidentText.data(answer)
    }
}

/// One incident from an API answer's `data`.
enum IncidentText {
    static func data(_ body: [UInt8]) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any])?["data"] as? [String: Any] ?? [:]
    }

    /// `INC-3  P1  observing  acknowledged by dr.adams  CoverageGap: Clinic uncovered`.
    static func line(_ incident: [String: Any]) -> [String] {
        let ack = (incident["acknowledgement"] as? [String: Any])?["by"] as? String
        return [
            incident["id"] as? String ?? "", incident["severity"] as? String ?? "", incident["phase"] as? String ?? "",
            incident["detectedAt"] as? String ?? "", ack.map { "acked by \($0)" } ?? "not acked",
            incident["title"] as? String ?? "",
        ]
    }

    /// `3 incidents, 1 open; MTTA 20m (1 of 2 acknowledged within target); MTTR 1h`.
    static func figures(_ figures: [String: Any]) -> String {
        func duration(_ value: Any?) -> String {
            guard let seconds = (value as? NSNumber)?.intValue else { return "-" }
            let (hours, minutes) = (seconds / 3600, seconds % 3600 / 60)
            if hours > 0 { return minutes > 0 ? "\(hours)h\(minutes)m" : "\(hours)h" }
            return minutes > 0 ? "\(minutes)m" : "\(seconds)s"
        }
        let count = figures["count"] as? Int ?? 0
        return "\(count) incident\(count == 1 ? "" : "s"), \(figures["open"] as? Int ?? 0) open; "
            + "MTTA \(duration(figures["meanTimeToAcknowledgeSeconds"])) (\(figures["targetsMet"] as? Int ?? 0) of "
            + "\(figures["acknowledged"] as? Int ?? 0) acknowledged within target); "
            + "MTTR \(duration(figures["meanTimeToResolveSeconds"]))"
    }

    static func show(_ incident: [String: Any]) -> String {
        var text = "\(incident["id"] as? String ?? "") \(incident["severity"] as? String ?? "") "
        text += "\(incident["title"] as? String ?? "")\n"
        text += "phase: \(incident["phase"] as? String ?? "")"
        if let allowed = incident["allowedPhases"] as? [String], !allowed.isEmpty {
            text += " (next: \(allowed.joined(separator: ", ")))"
        }
        text += "\nkey: \(incident["key"] as? String ?? "")\n"
        text += "detected: \(incident["detectedAt"] as? String ?? "")\n"
        for proposal in incident["proposals"] as? [[String: Any]] ?? [] {
            var line = "proposal \(proposal["number"] as? Int ?? 0): \(proposal["summary"] as? String ?? "")"
            if let approval = proposal["approval"] as? [String: Any] {
                line += " (approved by \(approval["by"] as? String ?? ""))"
            } else if proposal["needsApproval"] as? Bool == true {
                line += " (needs approval)"
            }
            if proposal["appliedAt"] != nil { line += " [acted on]" }
            text += line + "\n"
        }
        if let target = incident["responseTarget"] as? [String: Any] {
            text += "response target: \(target["target"] as? String ?? "") (by \(target["deadline"] as? String ?? ""))"
            if let met = target["met"] as? Bool { text += met ? ", met" : ", missed" }
            text += "\n"
        }
        if let ack = incident["acknowledgement"] as? [String: Any] {
            text += "acknowledged: \(ack["by"] as? String ?? "") at \(ack["at"] as? String ?? "")\n"
        }
        text += "\ntimeline:\n"
        for entry in incident["timeline"] as? [[String: Any]] ?? [] {
            text +=
                "  \(entry["at"] as? String ?? "")  \(entry["actor"] as? String ?? "")  \(entry["text"] as? String ?? "")\n"
        }
        return text
    }
}

struct IncidentListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List incidents, newest first.")

    @Option(name: .long, help: "open or resolved (default: all).")
    var state: String?

    @OptionGroup var options: ServerOption

    func run() async throws {
        var path = "/api/v1/incidents"
        if let state { path += "?state=\(state)" }
        let body = await AlertmanagerClient(server: options.server, command: "incident list").send("GET", path)
        let incidents = IncidentText.data(body)["incidents"] as? [[String: Any]] ?? []
        guard !incidents.isEmpty else {
            print("no incidents")
            return
        }
        print(
            AlertmanagerClient.table(
                [["ID", "SEVERITY", "PHASE", "DETECTED", "ACK", "TITLE"]] + incidents.map(IncidentText.line)),
            terminator: "")
        let figures = IncidentText.data(body)["figures"] as? [String: Any]
        if let overall = figures?["overall"] as? [String: Any] { print(IncidentText.figures(overall)) }
    }
}

struct IncidentShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One incident with its timeline.")

    @Argument(help: "The incident's id, e.g. INC-3.")
    var id: String

    @OptionGroup var options: ServerOption

    func run() async throws {
        let body = await AlertmanagerClient(server: options.server, command: "incident show")
            .send("GET", "/api/v1/incidents/\(id)")
        print(IncidentText.show(IncidentText.data(body)), terminator: "")
    }
}

struct IncidentOpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open an incident by hand.")

    @Argument(help: "What is wrong, in a line.")
    var title: String

    @Option(name: .long, help: "P1, P2, P3 or P4.")
    var severity: String = "P2"

    @Option(name: .long, help: "Who opens it.")
    var by: String

    @OptionGroup var options: ServerOption

    func run() async throws {
        let incident = try await options.post(
            "/api/v1/incidents", ["title": title, "severity": severity, "by": by], command: "open")
        print("opened \(incident["id"] as? String ?? "") (\(incident["severity"] as? String ?? ""))")
    }
}

struct IncidentAdvanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: "Move an incident to a phase: the next one, back where the method allows, or resolved.")

    @Argument(help: "The incident's id.")
    var id: String

    @Argument(help: "observing, orienting, deciding, acting, verifying, resolved or reviewed.")
    var phase: String

    @Option(name: .long, help: "Who moves it.")
    var by: String

    @Option(name: .long, help: "Why (needed to go back, or to resolve before verifying).")
    var reason: String?

    @Flag(name: .customLong("false-alarm"), help: "Resolve it as a false alarm (with --reason).")
    var falseAlarm = false

    @Option(name: .long, help: "With acting: the proposal to act on (approved first when it must be).")
    var proposal: Int?

    @OptionGroup var options: ServerOption

    func run() async throws {
        var object: [String: Any] = ["phase": phase, "by": by, "false_alarm": falseAlarm]
        if let reason { object["reason"] = reason }
        if let proposal { object["proposal"] = proposal }
        let incident = try await options.post("/api/v1/incidents/\(id)/phase", object, command: "advance")
        print("\(incident["id"] as? String ?? id) is \(incident["phase"] as? String ?? phase)")
    }
}

struct IncidentNoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Add a note to an incident's timeline.")

    @Argument(help: "The incident's id.")
    var id: String

    @Argument(help: "The note.")
    var text: String

    @Option(name: .long, help: "Who writes it.")
    var by: String

    @OptionGroup var options: ServerOption

    func run() async throws {
        _ = try await options.post("/api/v1/incidents/\(id)/notes", ["text": text, "by": by], command: "note")
        print("noted on \(id)")
    }
}

struct IncidentAckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack", abstract: "Acknowledge an incident: its alert groups' escalations stop.")

    @Argument(help: "The incident's id.")
    var id: String

    @Option(name: .long, help: "Who acknowledges.")
    var by: String

    @OptionGroup var options: ServerOption

    func run() async throws {
        let incident = try await options.post("/api/v1/incidents/\(id)/ack", ["by": by], command: "ack")
        let ack = incident["acknowledgement"] as? [String: Any]
        print("\(id) acknowledged by \(ack?["by"] as? String ?? by)")
    }
}

struct IncidentPostmortemCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postmortem", abstract: "Print an incident's post-mortem (Markdown, the program's template).")

    @Argument(help: "The incident's id.")
    var id: String

    @OptionGroup var options: ServerOption

    func run() async throws {
        let body = await AlertmanagerClient(server: options.server, command: "incident postmortem")
            .send("GET", "/api/v1/incidents/\(id)/postmortem")
        print(String(decoding: body, as: UTF8.self), terminator: "")
    }
}

struct IncidentApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve one of Vigil's proposals for an incident (on the record).")

    @Argument(help: "The incident's id.")
    var id: String

    @Argument(help: "The proposal's number, as `vigil incident show` lists them.")
    var proposal: Int

    @Option(name: .long, help: "Who approves.")
    var by: String

    @OptionGroup var options: ServerOption

    func run() async throws {
        _ = try await options.post(
            "/api/v1/incidents/\(id)/approve", ["proposal": proposal, "by": by], command: "approve")
        print("proposal \(proposal) of \(id) approved by \(by)")
    }
}

struct IncidentUndoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Back to normal operations: no load shedding, no fallback (on the record).")

    @Argument(help: "The incident's id.")
    var id: String

    @Option(name: .long, help: "Who undoes.")
    var by: String

    @OptionGroup var options: ServerOption

    func run() async throws {
        let incident = try await options.post("/api/v1/incidents/\(id)/undo", ["by": by], command: "undo")
        let last = (incident["timeline"] as? [[String: Any]])?.last
        print(last?["text"] as? String ?? "done")
    }
}
