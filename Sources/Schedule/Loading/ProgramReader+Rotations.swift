extension ProgramReader {
    mutating func readRotations(_ elements: [JSONValue]) -> [Rotation] {
        var rotations: [Rotation] = []
        rotations.reserveCapacity(elements.count)
        var fields = FieldValues<RotationField>()
        for (index, element) in elements.enumerated() {
            let path = "rotations[\(index)]"
            guard readObject(element, into: &fields, path: path) else { continue }
            let id = identifier(fields[.id], path + ".id")
            if let id, let first = rotationIndex[id], first != index {
                issues.report(
                    path + ".id", at: fields[.id]?.position,
                    "duplicate rotation id \(quote(id)) (first defined at rotations[\(first)], line "
                        + "\(elements[first].position.line))")
            }
            let name = string(fields[.name], path + ".name")
            let category = category(fields[.category], path + ".category")
            let minFaculty = wholeNumber(fields[.minFaculty], in: 0...Int.max, path + ".min_faculty")
            let supervision = boolean(fields[.supervision], path + ".supervision")
            let hours = hoursPerSession(fields[.hoursPerSession], path + ".hours_per_session")
            guard let id, let category else { continue }
            rotations.append(
                Rotation(
                    id: id, name: name ?? id, category: category, minFaculty: minFaculty ?? 0,
                    supervision: supervision ?? false, hoursPerSession: hours ?? Rotation.defaultHoursPerSession))
        }
        return rotations
    }

    private mutating func category(_ value: JSONValue?, _ path: String) -> ActivityCategory? {
        guard let text = string(value, path) else { return nil }
        if let category = ActivityCategory(rawValue: text) { return category }
        let names = ActivityCategory.allCases.map(\.rawValue)
        let hint =
            Suggestion.closest(to: text, among: names).map { " (did you mean \"\($0)\"?)" }
            ?? "; use one of \(names.joined(separator: ", "))"
        issues.report(path, at: value?.position, "unknown category \(quote(text))\(hint)")
        return nil
    }

    private mutating func hoursPerSession(_ value: JSONValue?, _ path: String) -> Double? {
        guard let value else { return nil }
        guard let hours = value.number, hours > 0, hours <= 24 else {
            issues.report(
                path, at: value.position, "must be a number of hours above 0 and at most 24, not \(describe(value))")
            return nil
        }
        return hours
    }
}
