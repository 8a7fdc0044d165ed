import Foundation
import TimeSeries
import VigilCore

/// A promtool rule unit-test file (`rule_files`, `evaluation_interval`, `group_eval_order`, `tests`), read
/// strictly as promtool reads it: unknown fields are errors.
struct RuleTestFile {
    struct Series {
        var series: String
        var values: String
    }

    struct ExpectedAlert {
        var labels: [String: String]
        var annotations: [String: String]
    }

    struct AlertTest {
        var evalTime: PromDuration
        var alertname: String
        var expected: [ExpectedAlert]
    }

    struct ExpectedSample {
        var labels: String
        var value: Double
    }

    struct ExpressionTest {
        var expression: String
        var evalTime: PromDuration
        var expected: [ExpectedSample]
    }

    struct Group {
        var interval: PromDuration?
        var inputSeries: [Series] = []
        var alertTests: [AlertTest] = []
        var expressionTests: [ExpressionTest] = []
        var externalLabels: [String: String] = [:]
        var externalURL = ""
        var name = ""

        /// The latest `eval_time` of the group's tests: evaluation runs from 0 through it.
        var maxEvalTime: Int64 {
            (alertTests.map(\.evalTime.milliseconds) + expressionTests.map(\.evalTime.milliseconds)).max() ?? 0
        }
    }

    var ruleFiles: [String] = []
    var evaluationInterval = PromDuration(milliseconds: 60_000)
    var groupEvalOrder: [String] = []
    var tests: [Group] = []

    static func parse(_ text: String, file: String) throws(RuleFileError) -> RuleTestFile {
        let document: YAMLDocument
        do {
            document = try YAMLDocument.parse(yaml: text, file: file)
        } catch {
            throw RuleFileError(errors: [error])
        }
        let diagnostics = YAMLDiagnostics()
        var result = RuleTestFile()
        document.root(reportingTo: diagnostics).mapping { top in
            result.ruleFiles = top.stringList("rule_files") ?? []
            if let interval = top.duration("evaluation_interval"), interval.milliseconds > 0 {
                result.evaluationInterval = interval
            }
            result.groupEvalOrder = top.stringList("group_eval_order") ?? []
            result.tests = top.sequence("tests") { value in value.mapping(group) } ?? []
        }
        guard diagnostics.isEmpty else { throw RuleFileError(errors: diagnostics.sortedErrors) }
        return result
    }

    private static func group(_ reader: YAMLMappingReader) -> Group {
        var group = Group()
        group.interval = reader.duration("interval")
        group.name = reader.string("name") ?? ""
        group.externalURL = reader.string("external_url") ?? ""
        group.externalLabels = reader.stringMap("external_labels") ?? [:]
        group.inputSeries =
            reader.sequence("input_series") { value in
                value.mapping { series in
                    Series(series: series.string("series") ?? "", values: series.string("values") ?? "")
                }
            } ?? []
        group.alertTests =
            reader.sequence("alert_rule_test") { value in
                value.mapping { test in
                    AlertTest(
                        evalTime: test.duration("eval_time") ?? PromDuration(milliseconds: 0),
                        alertname: test.string("alertname") ?? "",
                        expected: test.sequence("exp_alerts") { alert in
                            alert.mapping { fields in
                                ExpectedAlert(
                                    labels: fields.stringMap("exp_labels") ?? [:],
                                    annotations: fields.stringMap("exp_annotations") ?? [:])
                            }
                        } ?? [])
                }
            } ?? []
        group.expressionTests =
            reader.sequence("promql_expr_test") { value in
                value.mapping { test in
                    ExpressionTest(
                        expression: test.string("expr") ?? "",
                        evalTime: test.duration("eval_time") ?? PromDuration(milliseconds: 0),
                        expected: test.sequence("exp_samples") { sample in
                            sample.mapping { fields in
                                ExpectedSample(
                                    labels: fields.string("labels") ?? "", value: fields.double("value") ?? 0)
                            }
                        } ?? [])
                }
            } ?? []
        return group
    }
}
