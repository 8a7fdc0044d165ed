import Foundation
import TimeSeries
import VigilCore

/// Reads escalation files (`rules/escalation.yml`): Alertmanager 0.25's `route`, `inhibit_rules`,
/// `time_intervals` and `mute_time_intervals`, with its keys, defaults and checks, every problem at
/// its position.
///
/// Several files may be named; exactly one of them defines `route` (with none, everything goes to
/// ``EscalationConfig/fallback(receiver:)``), the others add inhibit rules and time intervals.
/// Receivers are defined in `etc/vigil.yml`; a route naming one that is not there is an error.
public enum EscalationFileParser {
    /// Reads and checks `paths`, all or nothing.
    public static func load(
        paths: [String], receivers: Set<String>, fallbackReceiver: String
    ) throws(EscalationFileError) -> EscalationConfig {
        var sources: [(path: String, text: String)] = []
        var errors: [YAMLError] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path),
                let text = String(data: data, encoding: .utf8)
            else {
                errors.append(
                    YAMLError(location: .wholeFile(path), keyPath: "", message: "cannot read escalation file"))
                continue
            }
            sources.append((path, text))
        }
        if !errors.isEmpty { throw EscalationFileError(errors: errors) }
        return try parse(sources, receivers: receivers, fallbackReceiver: fallbackReceiver)
    }

    /// Parses file texts as if read from their paths.
    public static func parse(
        _ sources: [(path: String, text: String)], receivers: Set<String>, fallbackReceiver: String
    ) throws(EscalationFileError) -> EscalationConfig {
        let diagnostics = YAMLDiagnostics()
        var parts = Parts()
        for source in sources {
            let document: YAMLDocument
            do {
                document = try YAMLDocument.parse(yaml: source.text, file: source.path)
            } catch {
                diagnostics.report(error)
                continue
            }
            document.root(reportingTo: diagnostics).mapping { readFile($0, into: &parts) }
        }
        var names = YAMLUniqueNames("time interval")
        var intervals: [String: NamedTimeInterval] = [:]
        for (interval, value) in parts.timeIntervals {
            names.claim(interval.name, at: value)
            intervals[interval.name] = interval
        }
        var rotationNames = YAMLUniqueNames("on-call rotation")
        var rotations: [String: Rotation] = [:]
        for read in parts.rotations {
            if let nameValue = read.nameValue { rotationNames.claim(read.rotation.name, at: nameValue) }
            rotations[read.rotation.name] = read.rotation
            for (member, value) in read.members where !receivers.contains(member) {
                value.report(
                    "undefined receiver \"\(member)\" in on-call rotation \"\(read.rotation.name)\"; define it under "
                        + "receivers: in the configuration file")
            }
        }
        var policyNames = YAMLUniqueNames("escalation policy")
        for read in parts.policies {
            if let nameValue = read.nameValue { policyNames.claim(read.policy.name, at: nameValue) }
            checkTargets(read, receivers: receivers, rotations: Set(rotations.keys))
        }
        let route = parts.route?.route ?? EscalationConfig.fallback(receiver: fallbackReceiver).route
        if let read = parts.route {
            check(read, receivers: receivers, intervals: intervals)
        }
        guard diagnostics.isEmpty else { throw EscalationFileError(errors: diagnostics.sortedErrors) }
        var config = EscalationConfig(
            route: route, inhibitRules: parts.inhibitRules, timeIntervals: intervals,
            policies: parts.policies.map(\.policy), rotations: rotations, files: sources.map(\.path))
        config.incidentPolicies = parts.incidentPolicies ?? IncidentPolicy.defaults
        if let hold = parts.verificationHold { config.incidentVerificationHold = hold }
        return config
    }

    /// What the files say, gathered before the checks that span files.
    struct Parts {
        var route: ReadRoute?
        var inhibitRules: [InhibitRule] = []
        var timeIntervals: [(NamedTimeInterval, YAMLValue)] = []
        var policies: [EscalationPolicyReader.Read] = []
        var rotations: [RotationReader.Read] = []
        /// `incident_policies`, nil while no file has the key (then the defaults apply).
        var incidentPolicies: [IncidentPolicy]?
        /// `incident_verification_hold`, if a file sets it.
        var verificationHold: Int64?
    }

    /// A route as read, with where each receiver and interval name was written.
    struct ReadRoute {
        var route: Route
        var value: YAMLValue
        var references: [(kind: String, name: String, at: YAMLValue)]
    }

    static func readFile(_ root: YAMLMappingReader, into parts: inout Parts) {
        if let value = root.value("route") {
            if let first = parts.route {
                value.report(
                    "route is already defined in \(first.value.location.file); one escalation file holds the route tree"
                )
            } else if let read = RouteReader.readRoot(value) {
                parts.route = read
            }
        }
        parts.inhibitRules += root.sequence("inhibit_rules") { InhibitRuleReader.read($0) } ?? []
        parts.policies += root.sequence("escalation_policies") { EscalationPolicyReader.read($0) } ?? []
        parts.rotations += root.sequence("oncall") { RotationReader.read($0) } ?? []
        if let hold = root.duration("incident_verification_hold") { parts.verificationHold = hold.milliseconds }
        if let policies = root.sequence("incident_policies", { IncidentPolicyReader.read($0) }) {
            parts.incidentPolicies = (parts.incidentPolicies ?? []) + policies
        }
        for key in ["time_intervals", "mute_time_intervals"] {
            parts.timeIntervals +=
                root.sequence(key) { item in
                    TimeIntervalReader.readNamed(item).map { ($0, item) }
                } ?? []
        }
    }

    static func check(_ read: ReadRoute, receivers: Set<String>, intervals: [String: NamedTimeInterval]) {
        for reference in read.references {
            switch reference.kind {
            case "receiver" where !receivers.contains(reference.name):
                let known = receivers.sorted().joined(separator: ", ")
                reference.at.report(
                    "undefined receiver \"\(reference.name)\" used in route; define it under receivers: in the "
                        + "configuration file" + (known.isEmpty ? "" : " (defined: \(known))"))
            case "interval" where intervals[reference.name] == nil:
                reference.at.report("undefined time interval \"\(reference.name)\" used in route")
            default: break
            }
        }
    }

    /// Every receiver a policy names must be defined; rotations come with `oncall:`.
    static func checkTargets(_ read: EscalationPolicyReader.Read, receivers: Set<String>, rotations: Set<String>) {
        for (target, value) in read.targets {
            switch target {
            case .receiver(let name) where !receivers.contains(name):
                let known = receivers.sorted().joined(separator: ", ")
                value.report(
                    "undefined receiver \"\(name)\" in escalation policy \"\(read.policy.name)\"; define it under "
                        + "receivers: in the configuration file" + (known.isEmpty ? "" : " (defined: \(known))"))
            case .oncall(let rotation) where !rotations.contains(rotation):
                value.report(
                    "undefined on-call rotation \"\(rotation)\" in escalation policy \"\(read.policy.name)\"; define it under oncall:"
                        + (rotations.isEmpty ? "" : " (defined: \(rotations.sorted().joined(separator: ", ")))"))
            default: break
            }
        }
    }
}
