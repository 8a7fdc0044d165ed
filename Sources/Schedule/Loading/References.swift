/// References from one part of a schedule to another (a person, a rotation), with "did you mean"
/// for the misspelt ones.
extension ProgramReader {
    /// The id when it names a person of the file; otherwise reports `unknown person "…"`.
    mutating func personReference(_ value: JSONValue?, _ path: @autoclosure () -> String) -> (id: String, index: Int)? {
        guard let id = identifier(value, path()) else { return nil }
        if let index = personIndex[id] { return (id, index) }
        let hint = issues.isFull ? "" : suggestion(id, among: .people)
        issues.report(path(), at: value?.position, "unknown person \(quote(id))\(hint)")
        return nil
    }

    /// The id when it names a rotation of the file; otherwise reports `unknown rotation "…"`.
    mutating func rotationReference(_ value: JSONValue?, _ path: @autoclosure () -> String) -> String? {
        guard let id = identifier(value, path()) else { return nil }
        if rotationIndex[id] != nil { return id }
        let hint = issues.isFull ? "" : suggestion(id, among: .rotations)
        issues.report(path(), at: value?.position, "unknown rotation \(quote(id))\(hint)")
        return nil
    }

    /// ` (did you mean "…"?)` among the people's or the rotations' ids, remembered per misspelling
    /// (a typo is often repeated in hundreds of rows).
    private mutating func suggestion(_ id: String, among section: Section) -> String {
        guard id.utf8.count <= Suggestion.longestCompared else { return "" }
        let key = section.rawValue + "\u{0}" + id
        if let known = suggestions[key] { return known }
        let text = Suggestion.didYouMean(id, among: section == .people ? personIndex.keys : rotationIndex.keys)
        suggestions[key] = text
        return text
    }

    /// Where a reference's candidates come from.
    private enum Section: String {
        case people, rotations
    }
}
