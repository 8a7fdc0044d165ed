import Foundation

/// The named templates notification templates can run with `{{ template "name" . }}`: Alertmanager's
/// defaults, and the `{{ define "name" }}` blocks of the configuration's template files
/// (`templates:`), which may use each other and override a default of the same name, as in
/// Alertmanager.
public struct TemplateLibrary: Sendable, Equatable {
    let parsed: [String: [TemplateNode]]
    /// The files it was read from (path and text), which is what makes two libraries the same.
    let sources: [String]

    /// Alertmanager's defaults alone.
    public static let defaults = TemplateLibrary(parsed: NotificationDefaults.parsed, sources: [])

    public static func == (lhs: TemplateLibrary, rhs: TemplateLibrary) -> Bool {
        lhs.sources == rhs.sources
    }

    /// Every name it holds.
    public var names: Set<String> { Set(parsed.keys) }
    /// The names its files define (a default among them is overridden).
    public private(set) var defined: Set<String> = []

    /// The defaults and the templates `files` define (later files override earlier ones). A file
    /// that does not parse, or runs a template nobody defines, is an error naming the file and line.
    public static func load(_ files: [(path: String, text: String)]) throws(TemplateError) -> TemplateLibrary {
        var names = NotificationDefaults.names
        for file in files { names.formUnion(definedNames(in: file.text)) }
        var parsed = NotificationDefaults.parsed
        for file in files {
            var parser = try TemplateParser(
                file.text, name: file.path, known: TemplateFunctions.alertmanagerNames, predefined: ["$"], named: names,
                definesTemplates: true)
            _ = try parser.parse()
            for (name, nodes) in parser.defined ?? [:] { parsed[name] = nodes }
        }
        var library = TemplateLibrary(parsed: parsed, sources: files.map { $0.path + "\u{0}" + $0.text })
        library.defined = Set(parsed.keys).subtracting(NotificationDefaults.names).union(
            files.flatMap { definedNames(in: $0.text) })
        return library
    }

    /// The names `{{ define "…" }}` actions declare in `text` (a first look, before parsing, so that
    /// templates may use those defined later or in another file).
    static func definedNames(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            let action = rest.drop { $0 == "-" || $0.isWhitespace }
            guard action.hasPrefix("define") else { continue }
            let quoted = action.dropFirst("define".count).drop { $0.isWhitespace }
            guard quoted.hasPrefix("\""), let end = quoted.dropFirst().firstIndex(of: "\"") else { continue }
            names.insert(String(quoted[quoted.index(after: quoted.startIndex)..<end]))
        }
        return names
    }
}
