import Alerting
import PromQL
import Rules
import TimeSeries

/// Prometheus 2.42's JSON for `/api/v1/rules` and `/api/v1/alerts`, field for field in Go's struct order, so
/// Grafana's alerting views and scripts written against Prometheus read Vigil unchanged.
enum RulesJSON {
    /// What `/api/v1/rules` returns, after its filters.
    struct Selection {
        var alerting = true
        var recording = true
        var ruleNames: Set<String> = []
        var groupNames: Set<String> = []
        var files: Set<String> = []
    }

    static func rulesEnvelope(_ groups: [RuleGroup], _ selection: Selection) -> [UInt8] {
        var writer = APIJSONWriter(capacity: 4096)
        writer.raw(#"{"status":"success","data":{"groups":["#)
        var first = true
        for group in groups {
            if !selection.groupNames.isEmpty && !selection.groupNames.contains(group.name) { continue }
            if !selection.files.isEmpty && !selection.files.contains(group.file) { continue }
            let rules = group.rules.filter { rule in
                switch rule {
                case .alerting: guard selection.alerting else { return false }
                case .recording: guard selection.recording else { return false }
                }
                return selection.ruleNames.isEmpty || selection.ruleNames.contains(rule.definition.name)
            }
            if !selection.ruleNames.isEmpty && rules.isEmpty { continue }
            if !first { writer.raw(",") }
            first = false
            writer.raw(#"{"name":"#)
            writer.string(group.name)
            writer.raw(#","file":"#)
            writer.string(group.file)
            writer.raw(#","rules":["#)
            for (index, rule) in rules.enumerated() {
                if index > 0 { writer.raw(",") }
                write(rule, into: &writer)
            }
            writer.raw(#"],"interval":"# + GoJSONTime.number(Double(group.interval) / 1000))
            writer.raw(#","limit":\#(group.limit),"evaluationTime":"#)
            writer.raw(GoJSONTime.number(GoJSONTime.seconds(group.lastDuration)))
            writer.raw(#","lastEvaluation":"#)
            writer.string(GoJSONTime.timestamp(group.lastEvaluation))
            writer.raw("}")
        }
        writer.raw("]}}")
        return writer.bytes
    }

    static func alertsEnvelope(
        _ groups: [RuleGroup], acknowledgements: AlertAcknowledgements = AlertAcknowledgements()
    ) -> [UInt8] {
        var writer = APIJSONWriter(capacity: 4096)
        writer.raw(#"{"status":"success","data":{"alerts":"#)
        alerts(
            groups.flatMap(\.alertingRules).flatMap(\.activeAlerts), acknowledgements: acknowledgements, into: &writer)
        writer.raw("}}")
        return writer.bytes
    }

    private static func write(_ rule: Rule, into writer: inout APIJSONWriter) {
        let definition = rule.definition
        let status = rule.status
        switch rule {
        case .alerting(let alerting):
            writer.raw(#"{"state":"#)
            writer.string(alerting.state.description)
            writer.raw(#","name":"#)
            writer.string(definition.name)
            writer.raw(#","query":"#)
            writer.string(definition.expression.description)
            writer.raw(#","duration":"# + GoJSONTime.number(Double(definition.holdDuration) / 1000))
            writer.raw(#","keepFiringFor":"# + GoJSONTime.number(Double(definition.keepFiringFor) / 1000))
            writer.raw(#","labels":"#)
            writer.labels(definition.labels)
            writer.raw(#","annotations":"#)
            writer.labels(definition.annotations)
            writer.raw(#","alerts":"#)
            alerts(alerting.activeAlerts, into: &writer)
        case .recording:
            writer.raw(#"{"name":"#)
            writer.string(definition.name)
            writer.raw(#","query":"#)
            writer.string(definition.expression.description)
            if !definition.labels.isEmpty {
                writer.raw(#","labels":"#)
                writer.labels(definition.labels)
            }
        }
        writer.raw(#","health":"#)
        writer.string(status.health.rawValue)
        if let error = status.lastError, !error.isEmpty {
            writer.raw(#","lastError":"#)
            writer.string(error)
        }
        writer.raw(#","evaluationTime":"# + GoJSONTime.number(GoJSONTime.seconds(status.evaluationDuration)))
        writer.raw(#","lastEvaluation":"#)
        writer.string(GoJSONTime.timestamp(status.lastEvaluation))
        writer.raw(#","type":"#)
        writer.string(rule.alerting == nil ? "recording" : "alerting")
        writer.raw("}")
    }

    private static func alerts(
        _ alerts: [Alert], acknowledgements: AlertAcknowledgements = AlertAcknowledgements(),
        into writer: inout APIJSONWriter
    ) {
        writer.raw("[")
        for (index, alert) in alerts.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw(#"{"labels":"#)
            writer.labels(alert.labels)
            writer.raw(#","annotations":"#)
            writer.labels(alert.annotations)
            writer.raw(#","state":"#)
            writer.string(alert.state.description)
            writer.raw(#","activeAt":"#)
            writer.string(GoJSONTime.timestamp(alert.activeAt))
            if let since = alert.keepFiringSince {
                writer.raw(#","keepFiringSince":"#)
                writer.string(GoJSONTime.timestamp(since))
            }
            writer.raw(#","value":"#)
            writer.string(GoFloatRendering.exponent(alert.value))
            // Vigil's addition: who acknowledged the alert's group, when and how.
            if let acknowledgement = acknowledgements.of(alert.labels) {
                writer.raw(#","acknowledged":{"by":"#)
                writer.string(acknowledgement.by)
                writer.raw(#","at":"#)
                writer.string(GoJSONTime.timestamp(acknowledgement.at))
                writer.raw(#","via":"#)
                writer.string(acknowledgement.via)
                writer.raw("}")
            }
            writer.raw("}")
        }
        writer.raw("]")
    }
}
