import Alerting
import Foundation

/// MTTA and MTTR over a list of incidents, overall and by severity, with how many met their
/// response target: the figures a program reviews monthly, next to the incidents they come from.
/// False alarms count toward acknowledgement but not toward time to resolve.
public struct IncidentFigures: Sendable, Equatable {
    public struct Figures: Sendable, Equatable {
        public var count = 0
        public var open = 0
        public var acknowledged = 0
        /// Acknowledged within the severity's response target.
        public var targetsMet = 0
        public var resolved = 0
        /// Mean time from detection to acknowledgement (ms); nil when none was acknowledged.
        public var meanTimeToAcknowledge: Int64?
        /// Mean time from detection to resolution (ms), false alarms left out; nil when none.
        public var meanTimeToResolve: Int64?
    }

    public var overall: Figures
    public var bySeverity: [IncidentSeverity: Figures]

    public init(_ incidents: [Incident], timeZone: TimeZone) {
        func figures(_ list: [Incident]) -> Figures {
            var figures = Figures()
            figures.count = list.count
            figures.open = list.filter(\.isOpen).count
            let acknowledged = list.compactMap { incident in incident.acknowledgement.map { (incident, $0.at) } }
            figures.acknowledged = acknowledged.count
            figures.targetsMet =
                acknowledged.filter { incident, at in
                    at
                        <= ResponseTarget.deadline(
                            incident.severity, detectedAt: incident.detectedAt, timeZone: timeZone)
                }.count
            let resolved = list.compactMap { incident in
                incident.falseAlarm == nil ? incident.resolvedAt.map { $0 - incident.detectedAt } : nil
            }
            figures.resolved = list.filter { $0.resolvedAt != nil }.count
            figures.meanTimeToAcknowledge = Self.mean(acknowledged.map { $1 - $0.detectedAt })
            figures.meanTimeToResolve = Self.mean(resolved)
            return figures
        }
        overall = figures(incidents)
        bySeverity = Dictionary(grouping: incidents, by: \.severity).mapValues(figures)
    }

    static func mean(_ values: [Int64]) -> Int64? {
        values.isEmpty ? nil : values.reduce(0) { $0 + max(0, $1) } / Int64(values.count)
    }
}
