import Alerting
import Foundation
import Incidents
import Pages
import Rules
import Schedule
import Server
import TimeSeries
import VigilCore

/// The daemon's web pages: gathers what the services hold now (the engine's last report, the alert
/// groups, silences, incidents, on-call shifts, rule groups) and hands it to the `Pages` renderers;
/// never runs the engine. A page's action goes through the same services as the API's, with the
/// web user as the actor, and is audited as the API's are.
struct DaemonPages: WebPages {
    let resilience: ResilienceRunner
    let schedule: ScheduleSource
    let alerting: AlertingService
    let incidents: IncidentService
    let rules: RuleManager
    let audit: @Sendable (String, String, [String: String]) async -> Void
    /// Where runbooks are looked for, in order (beside the configuration, the working directory,
    /// the package's).
    let runbookFolders: [String]
    let clock: any VigilClock

    var stylesheet: String { Stylesheet.text }
    var script: String { Stylesheet.script }
    private var pipeline: AlertPipeline { alerting.pipeline }

    private func timeZone() async -> TimeZone {
        await schedule.current?.program.timezone.flatMap(TimeZone.init(identifier:)) ?? .gmt
    }

    private func session(_ viewer: PageViewer) -> PageSession {
        PageSession(user: viewer.user, csrf: viewer.csrf, done: viewer.done)
    }

    func statusBoard(viewer: PageViewer) async -> String {
        let now = clock.now().unixMilliseconds
        let program = await schedule.current?.program
        var names: [String: String] = [:]
        for person in program?.people ?? [] { names[person.id] = person.name }
        let open = (try? await incidents.list(state: "open", since: nil)) ?? []
        var input = StatusBoard.Input(
            report: await resilience.latestReport, names: names,
            evaluatedAt: await resilience.evaluatedAt?.unixMilliseconds, groups: await pipeline.groupViews(now: now),
            incidents: open, onCall: await pipeline.onCall(at: now), now: now, timeZone: await timeZone())
        input.session = session(viewer)
        return StatusBoard.render(input)
    }

    func alerts(query: [(name: String, value: String)], viewer: PageViewer) async -> String {
        let now = clock.now().unixMilliseconds
        let pending = await rules.groups.flatMap(\.alertingRules).flatMap(\.activeAlerts).filter {
            $0.state == .pending
        }
        return AlertsPage.render(
            groups: await pipeline.groupViews(now: now), pending: pending, filter: AlertsPage.Filter(query: query),
            now: now, timeZone: await timeZone(), session: session(viewer))
    }

    func silences(query: [(name: String, value: String)], viewer: PageViewer) async -> String {
        let prefill = query.first { $0.name == "matchers" }?.value ?? ""
        return SilencesPage.render(
            Array(await pipeline.silences.byID.values), prefill: prefill, now: clock.now().unixMilliseconds,
            timeZone: await timeZone(), session: session(viewer))
    }

    func incidents(viewer: PageViewer) async -> String {
        IncidentPages.list(
            (try? await incidents.list(state: nil, since: nil)) ?? [], timeZone: await timeZone(),
            session: session(viewer))
    }

    func incident(id: String, viewer: PageViewer) async -> String? {
        guard let incident = try? await incidents.incident(id: id) else { return nil }
        return IncidentPages.detail(incident, timeZone: await timeZone(), session: session(viewer))
    }

    func onCall(viewer: PageViewer) async -> String {
        OnCallPage.render(
            await pipeline.onCall(at: clock.now().unixMilliseconds), timeZone: await timeZone(),
            session: session(viewer))
    }

    func rules(viewer: PageViewer) async -> String {
        RulesPage.render(await rules.groups, timeZone: await timeZone(), session: session(viewer))
    }

    func runbook(name: String, viewer: PageViewer) async -> String? {
        // A plain file name: nothing outside the runbook folders can be asked for.
        guard name.hasSuffix(".md"), !name.hasPrefix("."),
            name.allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) })
        else { return nil }
        for folder in runbookFolders {
            let path = (folder as NSString).appendingPathComponent(name)
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                return RunbookPage.render(name: String(name.dropLast(3)), markdown: text, session: session(viewer))
            }
        }
        return nil
    }

    func schedule(viewer: PageViewer) async -> String {
        var names: [String: String] = [:]
        for person in await schedule.current?.program.people ?? [] { names[person.id] = person.name }
        return SchedulePage.render(
            await resilience.latestReport, names: names, evaluatedAt: await resilience.evaluatedAt?.unixMilliseconds,
            timeZone: await timeZone(), session: session(viewer))
    }

    func perform(_ action: PageAction, by user: String) async -> PageActionResult {
        switch action {
        case .acknowledgeGroup(let key):
            do {
                let records = try await alerting.acknowledge(
                    .ack, target: .group(key), by: user, via: "web", source: "")
                return .init(
                    redirect: "/alerts",
                    message: records.isEmpty ? "It was already acknowledged." : "Acknowledged by \(user).",
                    succeeded: true)
            } catch {
                return .init(redirect: "/alerts", message: "Not acknowledged: \(error)", succeeded: false)
            }
        case .createSilence(let text, let duration, let comment):
            return await createSilence(text, duration: duration, comment: comment, by: user)
        case .expireSilence(let id):
            do {
                try await pipeline.expireSilence(id: id, now: clock.now().unixMilliseconds)
                await audit(user, "silence.expire", ["id": id, "via": "web"])
                return .init(redirect: "/silences", message: "Silence expired by \(user).", succeeded: true)
            } catch {
                return .init(redirect: "/silences", message: "Not expired: \(error)", succeeded: false)
            }
        case .moveIncident(let id, let phase, let reason, let proposal):
            let back = "/incidents/\(id)"
            do {
                if phase == IncidentPhase.acting.rawValue, let proposal {
                    _ = try await incidents.act(id, proposal: proposal, by: user)
                    return .init(redirect: back, message: "Acting on proposal \(proposal).", succeeded: true)
                }
                guard let target = IncidentPhase(rawValue: phase) else {
                    return .init(redirect: back, message: "Unknown phase \"\(phase)\".", succeeded: false)
                }
                _ = try await incidents.move(id, to: target, by: user, reason: reason, falseAlarm: false)
                return .init(redirect: back, message: "Moved to \(phase) by \(user).", succeeded: true)
            } catch {
                return .init(redirect: back, message: "Not moved: \(error)", succeeded: false)
            }
        case .approveProposal(let id, let proposal):
            do {
                _ = try await incidents.approve(id, proposal: proposal, by: user)
                return .init(
                    redirect: "/incidents/\(id)", message: "Proposal \(proposal) approved by \(user).", succeeded: true)
            } catch {
                return .init(redirect: "/incidents/\(id)", message: "Not approved: \(error)", succeeded: false)
            }
        }
    }

    private func createSilence(_ text: String, duration: String, comment: String, by user: String) async
        -> PageActionResult
    {
        let back = "/silences?matchers=" + (text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        let matchers: [LabelMatcher]
        do {
            matchers = try MatcherParser.parse(text)
        } catch {
            return .init(redirect: back, message: "Not silenced: \(error)", succeeded: false)
        }
        guard !matchers.isEmpty else {
            return .init(redirect: back, message: "Not silenced: name at least one matcher.", succeeded: false)
        }
        let length: PromDuration
        do {
            length = try PromDuration(parsing: duration)
        } catch {
            return .init(redirect: back, message: "Not silenced: \(error)", succeeded: false)
        }
        let reason = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, length.milliseconds > 0 else {
            return .init(redirect: back, message: "Not silenced: say why, and for how long.", succeeded: false)
        }
        let now = clock.now().unixMilliseconds
        do {
            let id = try await pipeline.setSilence(
                Silence(
                    matchers: matchers, startsAt: now, endsAt: now + length.milliseconds, createdBy: user,
                    comment: String(reason.prefix(1_000))),
                now: now
            ) { UUID().uuidString.lowercased() }
            await audit(
                user, "silence.create",
                ["id": id, "created_by": user, "comment": reason, "matchers": text, "via": "web"])
            return .init(redirect: "/silences", message: "Silenced for \(duration) by \(user).", succeeded: true)
        } catch {
            return .init(redirect: back, message: "Not silenced: \(error)", succeeded: false)
        }
    }

    /// `../runbooks` beside the configuration file (the repository's layout), `runbooks/` in the
    /// working directory, and where the package installs them.
    static func runbookFolders(config: String?, workingDirectory: String) -> [String] {
        var folders: [String] = []
        if let config {
            let etc = (config as NSString).deletingLastPathComponent
            folders.append(((etc as NSString).deletingLastPathComponent as NSString).appendingPathComponent("runbooks"))
        }
        folders.append((workingDirectory as NSString).appendingPathComponent("runbooks"))
        folders.append("/usr/share/vigil/runbooks")
        return folders
    }
}
