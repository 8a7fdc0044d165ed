import Schedule

/// What a schedule change did: who and which slots it touched. The observation names the last
/// push this way, so "recent change" comes with the people and slots it changed, not a count.
public struct ScheduleDiff: Sendable, Equatable, Codable {
    /// When the newer version was put in force (ms), and from where (`api`, `file`).
    public var at: Int64
    public var source: String
    /// Everyone whose assignments or absences changed, sorted.
    public var people: [String]
    /// The slots whose assignments changed (`2026-07-07 AM clinic`), sorted; at most 50.
    public var slots: [String]
    public var assignmentsAdded: Int
    public var assignmentsRemoved: Int
    public var absencesChanged: Int

    /// The difference from `old` to `new`.
    public static func between(_ old: Program, _ new: Program, at: Int64, source: String) -> ScheduleDiff {
        func key(_ assignment: Assignment) -> String {
            "\(assignment.person)|\(assignment.date) \(assignment.session.rawValue) \(assignment.rotation)"
        }
        let before = Set(old.assignments.map(key))
        let after = Set(new.assignments.map(key))
        let added = after.subtracting(before)
        let removed = before.subtracting(after)
        func absence(_ absence: Absence) -> String {
            "\(absence.person)|\(absence.start)|\(absence.end)|\(absence.kind)"
        }
        let absencesBefore = Set(old.absences.map(absence))
        let absencesAfter = Set(new.absences.map(absence))
        let absenceChanges = absencesBefore.symmetricDifference(absencesAfter)
        var people = Set(added.union(removed).map { String($0.split(separator: "|")[0]) })
        people.formUnion(absenceChanges.map { String($0.split(separator: "|")[0]) })
        let slots = Set(added.union(removed).map { String($0.split(separator: "|")[1]) }).sorted()
        return ScheduleDiff(
            at: at, source: source, people: people.sorted(), slots: Array(slots.prefix(Observer.listLimit)),
            assignmentsAdded: added.count, assignmentsRemoved: removed.count, absencesChanged: absenceChanges.count)
    }

    /// Whether anything changed.
    public var isEmpty: Bool { assignmentsAdded + assignmentsRemoved + absencesChanged == 0 }
}
