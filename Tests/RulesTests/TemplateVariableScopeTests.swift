import Rules
import Testing

/// Go's text/template refuses, when parsing, a variable that is not in scope; promtool 2.42 reports
/// it as `template: __alert_A:1: undefined variable "$x"` (checked against promtool on these texts).
@Suite struct TemplateVariableScopeTests {
    @Test(arguments: [
        ("{{ $nope }}", "$nope"),
        ("{{ range $i, $x := $labels }}{{ $x }}{{ end }}{{ $x }}", "$x"),
        ("{{ if true }}{{ $z := 2 }}{{ end }}{{ $z }}", "$z"),
        ("{{ with $q := 1 }}{{ end }}{{ printf \"%v\" $q }}", "$q"),
        ("{{ (printf \"%v\" $missing) }}", "$missing"),
    ])
    func aVariableOutOfScopeIsAParseError(text: String, variable: String) {
        #expect(throws: TemplateError("template: __alert_A:1: undefined variable \"\(variable)\"")) {
            try AlertTemplate(text, name: "__alert_A")
        }
    }

    @Test(arguments: [
        "{{ $y := 1 }}{{ $y }}",
        "{{ with $q := 1 }}{{ $q }}{{ else }}{{ $q }}{{ end }}",
        "{{ $ }}{{ $labels.a }}{{ $value }}{{ $externalLabels }}{{ $externalURL }}",
        "{{ $x := $x }}",
        "{{ $w = 3 }}",
        "{{ range $i, $e := $labels }}{{ $i }}{{ $e }}{{ end }}",
        "{{ if $v := 1 }}{{ $v }}{{ else if true }}{{ $v }}{{ end }}",
    ])
    func variablesInScopeParse(text: String) throws {
        _ = try AlertTemplate(text, name: "__alert_A")
    }

    @Test func notificationTemplatesKnowOnlyDot() throws {
        _ = try NotificationTemplate("{{ $.Status }}", name: "t")
        #expect(throws: TemplateError.self) { try NotificationTemplate("{{ $labels }}", name: "t") }
    }
}
