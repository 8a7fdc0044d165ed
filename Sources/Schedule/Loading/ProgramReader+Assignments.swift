extension ProgramReader {
    mutating func readAssignments(_ elements: [JSONValue]) -> [Assignment] {
        var assignments: [Assignment] = []
        assignments.reserveCapacity(elements.count)
        // Key: the person's index and the half-day, packed in one integer (half-days of years 0…9999
        // fit in 24 bits either side of zero).
        var bookings: [Int: Int] = [:]
        bookings.reserveCapacity(elements.count)
        var fields = FieldValues<AssignmentField>()
        for (index, element) in elements.enumerated() {
            guard readObject(element, into: &fields, path: "assignments[\(index)]") else { continue }
            let person = personReference(fields[.person], "assignments[\(index)].person")
            let date = day(fields[.date], "assignments[\(index)].date")
            let session = session(fields[.session], "assignments[\(index)].session")
            let rotation = rotationReference(fields[.rotation], "assignments[\(index)].rotation")
            let call = boolean(fields[.call], "assignments[\(index)].call")
            guard let person, let date, let session else { continue }
            let booking = person.index << 32 | (date.ordinal * 2 + session.index) & 0xFFFF_FFFF
            if let first = bookings[booking] {
                issues.report(
                    "assignments[\(index)]", at: element.position,
                    "\(person.id) is already assigned on \(date) \(session.rawValue) (assignments[\(first)])")
                continue
            }
            bookings[booking] = index
            guard let rotation else { continue }
            assignments.append(
                Assignment(person: person.id, date: date, session: session, rotation: rotation, call: call ?? false))
        }
        return assignments
    }

    private mutating func session(_ value: JSONValue?, _ path: @autoclosure () -> String) -> Session? {
        guard let text = string(value, path()) else { return nil }
        if let session = Session(rawValue: text) { return session }
        issues.report(path(), at: value?.position, "must be \"AM\" or \"PM\", not \(quote(text))")
        return nil
    }
}
