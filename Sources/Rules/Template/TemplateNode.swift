/// The parsed form of a Go text/template: text, actions and the control structures alert templates use.
indirect enum TemplateNode: Sendable {
    case text(String)
    /// `{{ pipeline }}`: printed unless it declares variables.
    case action(TemplatePipeline)
    /// `{{ if }}…{{ else if }}…{{ else }}…{{ end }}`: branches in order, then the else part.
    case conditional(branches: [(TemplatePipeline, [TemplateNode])], otherwise: [TemplateNode])
    /// `{{ range $i, $e := pipeline }}…{{ else }}…{{ end }}`.
    case range(TemplatePipeline, body: [TemplateNode], otherwise: [TemplateNode])
    /// `{{ with pipeline }}…{{ else }}…{{ end }}`.
    case with(TemplatePipeline, body: [TemplateNode], otherwise: [TemplateNode])
    /// `{{ template "name" pipeline }}`: a named template run with the pipeline's value as dot.
    case include(String, TemplatePipeline?)
}

/// `$x := command | command …`.
struct TemplatePipeline: Sendable {
    /// Variables declared (`:=`) or assigned (`=`) by the pipeline; range declares up to two.
    var variables: [String] = []
    var isAssignment = false
    var commands: [TemplateCommand]
}

/// One command of a pipeline: a function with arguments, or a single operand.
struct TemplateCommand: Sendable {
    var operands: [TemplateOperand]
}

/// An argument or the head of a command.
indirect enum TemplateOperand: Sendable {
    case string(String)
    case number(Double, isInteger: Bool)
    case bool(Bool)
    case null
    /// `.`, `.A.B` (fields of dot).
    case dot(fields: [String])
    /// `$x.A.B` (`$` alone is the root data).
    case variable(String, fields: [String])
    /// A function name.
    case identifier(String)
    /// `( pipeline ).A`.
    case parenthesized(TemplatePipeline, fields: [String])
}
