import PromQL
import Rules
import Testing
import TimeSeries
import VigilCore

@Suite struct RuleFileModelTests {
    @Test func identityIsNameFollowedByLabelsAsPrometheusPrintsThem() throws {
        let rule = RuleDefinition(
            kind: .alerting, name: "HighUtilization", expression: try PromQLParser.parse("up == 0"),
            expressionText: "up == 0", labels: Labels(["severity": "warning"]), location: .wholeFile("a.yml"))
        #expect(rule.identity == "HighUtilization{severity=\"warning\"}")
    }

    @Test func ruleCountSumsOverGroups() throws {
        let rule = RuleDefinition(
            kind: .recording, name: "x", expression: try PromQLParser.parse("1"), expressionText: "1",
            location: .wholeFile("a.yml"))
        let file = RuleFile(
            path: "a.yml",
            groups: [
                RuleGroupDefinition(name: "a", rules: [rule, rule], location: .wholeFile("a.yml")),
                RuleGroupDefinition(name: "b", rules: [rule], location: .wholeFile("a.yml")),
            ])
        #expect(file.ruleCount == 3)
    }
}
