import PromQL
import TimeSeries
import VigilCore

/// One `tests[]` entry run as promtool runs it, returning its failure messages.
struct RuleTestGroupRun {
    let group: RuleTestFile.Group
    let evaluationInterval: Int64
    let ruleFiles: [RuleFile]
    let order: [String: Int]

    func failures() -> [String] {
        let interval = group.interval?.milliseconds ?? evaluationInterval
        let store = SeriesStore(retention: .max / 4)
        var loader = InputLoader()
        for input in group.inputSeries {
            let parsed: (labels: Labels, values: [SeriesValue])
            do {
                parsed = try SeriesNotation.parseLine("\(input.series) \(input.values)")
            } catch {
                return [error.description]
            }
            loader.add(parsed.labels, parsed.values, interval: interval)
        }
        var groups: [RuleGroup] = []
        for file in ruleFiles {
            for definition in file.groups {
                groups.append(RuleGroup(definition, file: file.path, defaultInterval: interval))
            }
        }
        groups = groups.enumerated().sorted {
            (order[$0.element.name] ?? 0, $0.offset) < (order[$1.element.name] ?? 0, $1.offset)
        }.map(\.element)
        let context = RuleEvaluationContext(
            store: store, engine: QueryEngine(options: QueryOptions(defaultSubqueryStep: evaluationInterval)),
            externalLabels: Labels(group.externalLabels), externalURL: group.externalURL)
        var errors: [String] = []
        let prefix = group.name.isEmpty ? "" : "    name: \(group.name),\n"
        let alertTimes = Set(group.alertTests.map(\.evalTime.milliseconds)).sorted()
        var nextAlertTime = 0
        var time: Int64 = 0
        while time <= group.maxEvalTime {
            // As promtool: the input is loaded step by step, so a rule evaluated at `time` (and an
            // expression test, after the last step) sees no sample later than that step.
            loader.load(through: time, into: store)
            var evaluationErrors: [String] = []
            for index in groups.indices {
                groups[index].evaluate(at: time, in: context)
                for rule in groups[index].rules {
                    if let error = rule.status.lastError {
                        evaluationErrors.append(
                            "    rule: \(rule.definition.name), time: \(RuleTestText.goDuration(time)), err: \(error)")
                    }
                }
            }
            if !evaluationErrors.isEmpty { return errors + evaluationErrors }
            while nextAlertTime < alertTimes.count, alertTimes[nextAlertTime] >= time,
                alertTimes[nextAlertTime] < time + evaluationInterval
            {
                errors += checkAlerts(at: alertTimes[nextAlertTime], groups, prefix: prefix)
                nextAlertTime += 1
            }
            time += evaluationInterval
        }
        for test in group.expressionTests {
            errors += checkExpression(test, context)
        }
        return errors
    }

    private func checkAlerts(at time: Int64, _ groups: [RuleGroup], prefix: String) -> [String] {
        var errors: [String] = []
        for test in group.alertTests where test.evalTime.milliseconds == time {
            let got = groups.flatMap(\.alertingRules).filter { $0.name == test.alertname }.flatMap(\.activeAlerts)
                .filter { $0.state == .firing }.map { (labels: $0.labels, annotations: $0.annotations) }
                .sorted(by: Self.alertOrder)
            let expected = test.expected.map { alert -> (labels: Labels, annotations: Labels) in
                var labels = alert.labels
                labels["alertname"] = test.alertname
                return (Labels(labels), Labels(alert.annotations))
            }.sorted(by: Self.alertOrder)
            let same =
                got.count == expected.count
                && zip(got, expected).allSatisfy { $0.labels == $1.labels && $0.annotations == $1.annotations }
            if !same {
                errors.append(
                    "\(prefix)    alertname: \(test.alertname), time: \(test.evalTime), \n        exp:"
                        + RuleTestText.alerts(expected) + ", \n        got:" + RuleTestText.alerts(got))
            }
        }
        return errors
    }

    private static func alertOrder(
        _ left: (labels: Labels, annotations: Labels), _ right: (labels: Labels, annotations: Labels)
    ) -> Bool {
        left.labels != right.labels ? left.labels < right.labels : left.annotations < right.annotations
    }

    private func checkExpression(_ test: RuleTestFile.ExpressionTest, _ context: RuleEvaluationContext) -> [String] {
        let header = "    expr: \(GoPrintf.quoted(test.expression)), time: \(test.evalTime)"
        let got: [(labels: Labels, value: Double)]
        do {
            let expression = try PromQLParser.parse(test.expression)
            got = try context.vector(expression, at: test.evalTime.milliseconds).map { ($0.labels, $0.value) }
                .sorted { $0.labels < $1.labels }
        } catch let error as PromQLParseError {
            return [header + ", err: " + error.description]
        } catch {
            return [header + ", err: \(error)"]
        }
        var expected: [(labels: Labels, value: Double)] = []
        for sample in test.expected {
            if sample.labels.isEmpty {
                expected.append((Labels(), sample.value))
                continue
            }
            do {
                let matchers = try PromQLParser.parseMetricSelector(sample.labels)
                expected.append((Labels(matchers.map { Label($0.name, $0.value) }), sample.value))
            } catch {
                return [header + ", err: labels \(GoPrintf.quoted(sample.labels)): \(error)"]
            }
        }
        expected.sort { $0.labels < $1.labels }
        let same =
            got.count == expected.count
            && zip(got, expected).allSatisfy { $0.labels == $1.labels && $0.value == $1.value }
        if same { return [] }
        return [
            header + ",\n        exp: " + RuleTestText.samples(expected) + "\n        got: " + RuleTestText.samples(got)
        ]
    }
}

/// A test group's input series, appended to the store only up to the time being evaluated, as
/// promtool's lazy loader does (`WithSamplesTill`): a negative `offset` or an `@` in the future reads
/// the last sample loaded, not a later one.
struct InputLoader {
    private var series: [(labels: Labels, samples: [Sample])] = []
    private var loaded: [Int] = []

    mutating func add(_ labels: Labels, _ values: [SeriesValue], interval: Int64) {
        var samples: [Sample] = []
        for (index, value) in values.enumerated() {
            let time = Int64(index) * interval
            switch value {
            case .value(let number): samples.append(Sample(timestamp: time, value: number))
            case .stale: samples.append(Sample(timestamp: time, value: StaleMarker.value))
            case .missing: break
            }
        }
        series.append((labels, samples))
        loaded.append(0)
    }

    /// Appends every sample at or before `time` (ms) not appended yet.
    mutating func load(through time: Int64, into store: SeriesStore) {
        for index in series.indices {
            let samples = series[index].samples
            var next = loaded[index]
            while next < samples.count, samples[next].timestamp <= time {
                store.append(series[index].labels, samples[next])
                next += 1
            }
            loaded[index] = next
        }
    }
}
