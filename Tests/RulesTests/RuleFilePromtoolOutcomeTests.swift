import Rules
import Testing

/// Crafted rule files, each judged as `promtool check rules` 2.42 judged it: valid with the rule count
/// it printed, or invalid. The texts and outcomes were run through promtool while writing these tests.
@Suite struct RuleFilePromtoolOutcomeTests {
    /// The file text and promtool's rule count, nil when promtool printed FAILED (other than a lint).
    static let cases: [(String, Int?)] = [
        ("groups:\n  - name: g\n    rules:\n      - expr: up\n", nil),
        ("groups:\n  - name: g\n    rules:\n      - alert: A\n        record: b\n        expr: up\n", nil),
        ("groups:\n  - name: g\n    rules:\n      - record: a\n        expr: up\n        keep_firing_for: 1m\n", nil),
        (
            "groups:\n  - name: g\n    rules:\n      - alert: x\n        expr: up\n        for: 1h\n        keep_firing_for: 5m\n",
            1
        ),
        ("groups:\n  - name: g\n    rules:\n      - record: a\n        expr: up\n        for: 0\n", 1),
        ("groups:\n  - name: g\n    rules:\n      - record: x\n        alert: {a: b}\n        expr: up\n", 1),
        ("groups:\n  - name: g\n    rules:\n      - alert: ~\n        expr: up\n", 1),
        (
            "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        labels: {a: ~, b: true, c: 1.5}\n",
            1
        ),
        ("groups:\n  - name: g\n    rules:\n      - record: x\n        expr: up\n        expr: down\n", nil),
        ("groups:\n  - name: g\n    limit: \"5\"\n    rules:\n      - record: x\n        expr: up\n", nil),
        ("groups:\n  - name: g\n    interval: 5x\n    rules: []\n", nil),
        ("groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        for: 5\n", nil),
        ("groups:\n  - name: 5\n    rules: [~]\n", 0),
        (
            "groups:\n  - name: g\n    rules:\n      - record: \"a:b\"\n        expr: up\n        labels: {\"__x\": \"{{ bad\"}\n",
            1
        ),
        (
            "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        labels: {s: \"{{ end }}\"}\n",
            nil
        ),
        (
            "groups:\n  - name: g\n    interval: 1m\n    rules:\n      - alert: x\n        expr: up offset -5m\n"
                + "      - alert: x\n        expr: rate(up[5m] @ start())\n", 2
        ),
        (
            "groups:\n  - name: g\n    rules:\n      - record: a\n        expr: up\n---\ngroups:\n  - name: h\n    rules:\n      - record: [\n",
            1
        ),
        ("groups:\n  - name: g\n   rules: [\n", nil),
        ("groups:\n  - name: g\n    rules: [foo]\n", nil),
        ("- a\n", nil),
    ]

    @Test(arguments: cases)
    func judgedAsPromtoolJudgedIt(text: String, promtoolRules: Int?) {
        let outcome: Int?
        do {
            outcome = try RuleFileParser.parse(text, file: "r.yml").ruleCount
        } catch {
            outcome = nil
        }
        #expect(outcome == promtoolRules, "\(text)")
    }
}
