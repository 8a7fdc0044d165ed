/// Writes a ``Program`` as the schedule JSON of DESIGN.md §3, the format ``ScheduleLoader`` reads.
///
/// Generated and demo programs are committed and diffed, so the text is deterministic (keys in a
/// fixed order, arrays in the program's order), compact (one array element per line) and
/// diff-friendly (changing one assignment changes one line). Optional keys are written only when
/// they carry information: `pgy`, `capabilities` and `max_sessions_per_week` when set, `call`
/// only when true, `timezone` when known.
public enum ScheduleEncoder {
    public static func encode(_ program: Program) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256 + 110 * program.assignments.count + 90 * program.people.count)
        out.append("{\n  \"program\": ")
        JSONText.appendString(program.name, to: &out)
        if let timezone = program.timezone {
            out.append(",\n  \"timezone\": ")
            JSONText.appendString(timezone, to: &out)
        }
        out.append(",\n")
        appendArray("people", program.people, to: &out, element: appendPerson)
        out.append(",\n")
        appendArray("rotations", program.rotations, to: &out, element: appendRotation)
        out.append(",\n")
        appendArray("assignments", program.assignments, to: &out, element: appendAssignment)
        out.append(",\n")
        appendArray("absences", program.absences, to: &out, element: appendAbsence)
        out.append("\n}\n")
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendArray<Element>(
        _ key: String, _ elements: [Element], to out: inout [UInt8],
        element appendElement: (Element, inout [UInt8]) -> Void
    ) {
        out.append("  \"" + key + "\": [")
        guard !elements.isEmpty else {
            out.append("]")
            return
        }
        for (index, element) in elements.enumerated() {
            out.append(index == 0 ? "\n    " : ",\n    ")
            appendElement(element, &out)
        }
        out.append("\n  ]")
    }

    private static func appendPerson(_ person: Person, to out: inout [UInt8]) {
        out.append("{\"id\": ")
        JSONText.appendString(person.id, to: &out)
        out.append(", \"name\": ")
        JSONText.appendString(person.name, to: &out)
        out.append(", \"role\": ")
        JSONText.appendString(person.role.rawValue, to: &out)
        if let pgy = person.pgy {
            out.append(", \"pgy\": " + String(pgy))
        }
        if let capabilities = person.capabilities {
            out.append(", \"capabilities\": [")
            for (index, capability) in capabilities.enumerated() {
                if index > 0 { out.append(", ") }
                JSONText.appendString(capability, to: &out)
            }
            out.append("]")
        }
        if let cap = person.maxSessionsPerWeek {
            out.append(", \"max_sessions_per_week\": " + String(cap))
        }
        out.append("}")
    }

    private static func appendRotation(_ rotation: Rotation, to out: inout [UInt8]) {
        out.append("{\"id\": ")
        JSONText.appendString(rotation.id, to: &out)
        out.append(", \"name\": ")
        JSONText.appendString(rotation.name, to: &out)
        out.append(", \"category\": ")
        JSONText.appendString(rotation.category.rawValue, to: &out)
        out.append(", \"min_faculty\": " + String(rotation.minFaculty))
        out.append(rotation.supervision ? ", \"supervision\": true" : ", \"supervision\": false")
        out.append(", \"hours_per_session\": ")
        out.append(JSONText.number(rotation.hoursPerSession))
        out.append("}")
    }

    private static func appendAssignment(_ assignment: Assignment, to out: inout [UInt8]) {
        out.append("{\"person\": ")
        JSONText.appendString(assignment.person, to: &out)
        out.append(", \"date\": \"")
        out.append(assignment.date.description)
        out.append("\", \"session\": \"")
        out.append(assignment.session.rawValue)
        out.append("\", \"rotation\": ")
        JSONText.appendString(assignment.rotation, to: &out)
        if assignment.call {
            out.append(", \"call\": true")
        }
        out.append("}")
    }

    private static func appendAbsence(_ absence: Absence, to out: inout [UInt8]) {
        out.append("{\"person\": ")
        JSONText.appendString(absence.person, to: &out)
        out.append(", \"start\": \"")
        out.append(absence.start.description)
        out.append("\", \"end\": \"")
        out.append(absence.end.description)
        out.append("\", \"type\": \"")
        out.append(absence.kind.rawValue)
        out.append("\"}")
    }
}

extension [UInt8] {
    /// Appends the UTF-8 of `text` (the encoder's structural text: keys, punctuation, dates).
    fileprivate mutating func append(_ text: String) { append(contentsOf: text.utf8) }
}
