/// Walks a parsed schedule document into a `Program`, checking everything the engine relies on and
/// reporting every problem (up to the limit) rather than stopping at the first.
struct ProgramReader {
    var issues: IssueCollector
    /// The index of the first person / rotation with each id (duplicates are reported against it).
    var personIndex: [String: Int] = [:]
    var rotationIndex: [String: Int] = [:]
    /// "Did you mean" answers already computed, per kind of reference and misspelling.
    var suggestions: [String: String] = [:]

    init(limit: Int) { issues = IssueCollector(limit: limit) }

    /// The program, or nil when any problem was reported.
    mutating func read(_ root: JSONValue) -> Program? {
        guard case .object = root.kind else {
            let shape = "one JSON object ({\"program\": …, \"people\": […], …})"
            issues.report("", at: root.position, "a schedule file holds \(shape), not \(describe(root))")
            return nil
        }
        var fields = FieldValues<ProgramField>()
        _ = readObject(root, into: &fields, path: "")
        let name = identifier(fields[.program], "program")
        let timezone = string(fields[.timezone], "timezone")
        _ = string(fields[.schema], "$schema")
        let rotationElements = array(fields[.rotations], "rotations") ?? []
        let peopleElements = array(fields[.people], "people") ?? []
        let assignmentElements = array(fields[.assignments], "assignments") ?? []
        let absenceElements = array(fields[.absences], "absences") ?? []

        rotationIndex = firstIndices(of: rotationElements)
        personIndex = firstIndices(of: peopleElements)
        let rotations = readRotations(rotationElements)
        let people = readPeople(peopleElements)
        let assignments = readAssignments(assignmentElements)
        let absences = readAbsences(absenceElements)

        guard issues.isEmpty, let name else { return nil }
        return Program(
            name: name, timezone: timezone, people: people, rotations: rotations, assignments: assignments,
            absences: absences)
    }

    /// The index of the first object with each `id`, gathered before any section is read so that
    /// references may point forward (people may come before the rotations they are capable of).
    private func firstIndices(of elements: [JSONValue]) -> [String: Int] {
        var indices: [String: Int] = [:]
        indices.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard let id = element["id"]?.string, !id.isEmpty, indices[id] == nil else { continue }
            indices[id] = index
        }
        return indices
    }
}
