import Yams

/// Turns Yams' errors (whose positions hide inside their description text) into ``YAMLError``s
/// with a real line and column, and adds a hint for the commonest mistake: tab indentation.
struct YAMLSyntaxErrorTranslator {
    let file: String
    let text: String

    func translate(_ error: YamlError) -> YAMLError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context {
                let place = "line \(context.mark.line), column \(context.mark.column)"
                message =
                    problem.hasPrefix("but ")
                    ? "YAML syntax error: \(context.text) (line \(context.mark.line)), \(problem)"
                    : "YAML syntax error: \(problem) (\(context.text) at \(place))"
            }
            if lineHasTab(mark.line) {
                message += "; this line contains a tab: YAML indentation must use spaces"
            }
            return positioned(line: mark.line, column: mark.column, message)
        case .reader(let problem, let offset, _, _):
            let (line, column) = offset.map(lineAndColumn(ofCharacterOffset:)) ?? (0, 0)
            return positioned(line: line, column: column, "cannot read YAML input: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            let noun = duplicates.count == 1 ? "key" : "keys"
            return positioned(
                line: context.mark.line, column: context.mark.column,
                "duplicate \(noun) \(names) in one mapping (each key may appear only once)")
        case .dataCouldNotBeDecoded(let encoding):
            return positioned(line: 0, column: 0, "cannot decode the file as \(encoding)")
        case .no, .memory, .writer, .emitter, .representer:
            return positioned(line: 0, column: 0, "cannot parse YAML: \(error)")
        }
    }

    private func positioned(line: Int, column: Int, _ message: String) -> YAMLError {
        YAMLError(location: YAMLLocation(file: file, line: line, column: column), keyPath: "", message: message)
    }

    private func lineHasTab(_ line: Int) -> Bool {
        guard line >= 1 else { return false }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return line <= lines.count && lines[line - 1].contains("\t")
    }

    /// Yams reports reader errors as an offset in `Character`s from the start of the text.
    private func lineAndColumn(ofCharacterOffset offset: Int) -> (Int, Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }
}
