import TimeSeries
import VigilCore

/// Reads one `escalation_policies` entry: `name`, `matchers`, ordered `steps` (`after`, `notify`)
/// an optional `repeat` (`every`, `times`) and `reopen_on_new_alerts` (default true), every problem
/// at its position.
enum EscalationPolicyReader {
    /// A policy as read, with where each target was written (checked against the receivers and
    /// rotations once every file is read).
    struct Read {
        var policy: EscalationPolicy
        var value: YAMLValue
        var nameValue: YAMLValue?
        var targets: [(target: EscalationTarget, at: YAMLValue)]
    }

    static func read(_ value: YAMLValue) -> Read? {
        value.mapping { reader -> Read? in
            let nameValue = reader.required("name")
            let name = nameValue?.string(check: { $0.isEmpty ? "a policy needs a non-empty name" : nil })
            var matchers: [LabelMatcher] = []
            if let list = reader.value("matchers") {
                matchers = MatcherListReader.read(list) ?? []
            }
            var targets: [(target: EscalationTarget, at: YAMLValue)] = []
            var steps: [EscalationStep] = []
            if let list = reader.required("steps") {
                let items = list.sequence { Optional($0) }
                let read = items?.compactMap { item in readStep(item, targets: &targets).map { ($0, item) } } ?? []
                steps = read.map(\.0)
                checkOrder(read)
                if items?.isEmpty == true { list.report("a policy needs at least one step") }
            }
            let repetition = reader.mapping("repeat") { repeatReader -> EscalationRepeat? in
                let every = repeatReader.required("every").flatMap {
                    $0.duration(check: { $0.milliseconds <= 0 ? "repeat every must be greater than zero" : nil })
                }
                let times = repeatReader.required("times").flatMap {
                    $0.int(check: { $0 < 1 ? "repeat times must be at least 1" : nil })
                }
                guard let every, let times else { return nil }
                return EscalationRepeat(every: every.milliseconds, times: times)
            }
            let reopen = reader.bool("reopen_on_new_alerts") ?? true
            guard let name else { return nil }
            return Read(
                policy: EscalationPolicy(
                    name: name, matchers: matchers,
                    plan: EscalationPlan(
                        policy: name, steps: steps, repeat: repetition.flatMap { $0 }, reopenOnNewAlerts: reopen)),
                value: value, nameValue: nameValue, targets: targets)
        }.flatMap { $0 }
    }

    private static func readStep(
        _ value: YAMLValue, targets: inout [(target: EscalationTarget, at: YAMLValue)]
    ) -> EscalationStep? {
        value.mapping { reader -> EscalationStep? in
            let after = reader.duration("after") ?? PromDuration(milliseconds: 0)
            guard let list = reader.required("notify") else { return nil }
            let notify =
                list.sequence { item -> EscalationTarget? in
                    guard let text = item.string() else { return nil }
                    let target = EscalationTarget(text: text)
                    if case .oncall(let rotation) = target, rotation.isEmpty {
                        item.report("oncall: needs a rotation name, e.g. oncall:clinic")
                        return nil
                    }
                    targets.append((target, item))
                    return target
                } ?? []
            if notify.isEmpty {
                list.report("a step must notify at least one receiver or rotation")
                return nil
            }
            return EscalationStep(after: after.milliseconds, notify: notify)
        }.flatMap { $0 }
    }

    /// Steps must not go back in time.
    private static func checkOrder(_ read: [(EscalationStep, YAMLValue)]) {
        let steps = read.map(\.0)
        for index in steps.indices.dropFirst() where steps[index].after < steps[index - 1].after {
            read[index].1.report(
                "step \(index + 1) comes after \(PromDuration(milliseconds: steps[index].after)), earlier than "
                    + "step \(index) (\(PromDuration(milliseconds: steps[index - 1].after))); list steps in order")
        }
    }
}
