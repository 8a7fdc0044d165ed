import Yams

/// A parsed YAML document that still knows where each of its nodes came from.
///
/// Decoding straight into `Codable` types loses positions; this keeps Yams' node tree (with its
/// marks) so the typed readers built on ``YAMLValue`` can say `FILE:LINE:COL` for every problem.
/// Syntax errors, undecodable input and duplicate keys become a positioned ``YAMLError``.
public struct YAMLDocument {
    /// The file as the user named it; used in every location.
    public let file: String
    /// The root node; nil for an empty document.
    let rootNode: Node?

    /// Parses one YAML document.
    ///
    /// - Throws: a ``YAMLError`` with the line and column libyaml reported.
    public static func parse(yaml: String, file: String) throws(YAMLError) -> YAMLDocument {
        do {
            let node = try Yams.compose(yaml: yaml)
            return YAMLDocument(file: file, rootNode: node)
        } catch let error as YamlError {
            throw YAMLSyntaxErrorTranslator(file: file, text: yaml).translate(error)
        } catch {
            throw YAMLError(
                location: .wholeFile(file), keyPath: "",
                message: "cannot parse YAML: \(String(describing: error))")
        }
    }

    /// The root value, reporting problems found while reading it to `diagnostics`.
    /// An empty document (or an explicit null root) reads as an empty mapping.
    public func root(reportingTo diagnostics: YAMLDiagnostics) -> YAMLValue {
        YAMLValue(
            node: rootNode, keyPath: .root,
            location: YAMLLocation(file: file, line: rootNode?.mark?.line ?? 1, column: rootNode?.mark?.column ?? 1),
            diagnostics: diagnostics)
    }
}
