import Alerting
import Foundation
import Notify
import Rules
import VigilCore

/// The escalation files a configuration names, read all together and checked against its receivers.
public enum EscalationFileSet {
    /// The receiver everything goes to when no file defines a route: the first configured one, or
    /// `default` (the local notifications file) when there is none.
    public static func fallbackReceiver(of config: VigilConfig) -> String {
        config.receivers.first?.name ?? "default"
    }

    /// Reads every file the `escalation_files` patterns match, and the notification template files
    /// `templates` names, and checks that every template a receiver runs by name exists; all or
    /// nothing.
    public static func load(for config: VigilConfig) throws(EscalationFileError) -> EscalationConfig {
        var escalation = try EscalationFileParser.load(
            paths: RuleFileSet.paths(for: config.escalationFiles), receivers: Set(config.receivers.map(\.name)),
            fallbackReceiver: fallbackReceiver(of: config))
        escalation.templates = try templates(for: config)
        return escalation
    }

    /// The defaults and the `templates:` files' definitions, checked against every receiver's templates.
    static func templates(for config: VigilConfig) throws(EscalationFileError) -> TemplateLibrary {
        var files: [(path: String, text: String)] = []
        var errors: [YAMLError] = []
        for path in RuleFileSet.paths(for: config.templateFiles) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                errors.append(
                    YAMLError(
                        location: YAMLLocation(file: path, line: 1, column: 1), keyPath: "",
                        message: "cannot read the template file"))
                continue
            }
            files.append((path, text))
        }
        let library: TemplateLibrary
        do {
            library = try TemplateLibrary.load(files)
        } catch {
            throw EscalationFileError(errors: errors + [templateError(error)])
        }
        let configPath = config.sourcePath ?? "vigil.yml"
        for (index, receiver) in config.receivers.enumerated() {
            for (field, text) in receiver.templateTexts {
                do {
                    _ = try NotificationTemplate(text, name: field, library: library)
                } catch {
                    errors.append(
                        YAMLError(
                            location: YAMLLocation(file: configPath, line: 1, column: 1),
                            keyPath: "receivers[\(index)].\(field)", message: "invalid template: \(error)"))
                }
            }
        }
        if !errors.isEmpty { throw EscalationFileError(errors: errors) }
        return library
    }

    /// A template file's error (`template: <file>:<line>: …`) at its file and line.
    static func templateError(_ error: TemplateError) -> YAMLError {
        let text =
            error.message.hasPrefix("template: ") ? String(error.message.dropFirst("template: ".count)) : error.message
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 3, let line = Int(parts[1]) {
            return YAMLError(
                location: YAMLLocation(file: String(parts[0]), line: line, column: 1), keyPath: "",
                message: parts[2].trimmingCharacters(in: .whitespaces))
        }
        return YAMLError(
            location: YAMLLocation(file: "templates", line: 1, column: 1), keyPath: "", message: error.message)
    }
}
