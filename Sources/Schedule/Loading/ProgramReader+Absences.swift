extension ProgramReader {
    mutating func readAbsences(_ elements: [JSONValue]) -> [Absence] {
        var absences: [Absence] = []
        absences.reserveCapacity(elements.count)
        var fields = FieldValues<AbsenceField>()
        for (index, element) in elements.enumerated() {
            let path = "absences[\(index)]"
            guard readObject(element, into: &fields, path: path) else { continue }
            let person = personReference(fields[.person], path + ".person")
            let start = day(fields[.start], path + ".start")
            let end = day(fields[.end], path + ".end")
            let kind = absenceKind(fields[.type], path + ".type")
            if let start, let end, end < start {
                issues.report(
                    path + ".end", at: fields[.end]?.position, "the absence ends (\(end)) before it starts (\(start))")
                continue
            }
            guard let person, let start, let end, let kind else { continue }
            absences.append(Absence(person: person.id, start: start, end: end, kind: kind))
        }
        return absences
    }

    private mutating func absenceKind(_ value: JSONValue?, _ path: String) -> Absence.Kind? {
        guard let text = string(value, path) else { return nil }
        if let kind = Absence.Kind(rawValue: text) { return kind }
        let names = Absence.Kind.allCases.map(\.rawValue)
        let hint =
            Suggestion.closest(to: text, among: names).map { " (did you mean \"\($0)\"?)" }
            ?? "; use one of \(names.joined(separator: ", "))"
        issues.report(path, at: value?.position, "unknown absence type \(quote(text))\(hint)")
        return nil
    }
}
