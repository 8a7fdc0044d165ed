import Schedule

/// The schedule JSON of DESIGN.md §3, written by hand so the tests do not depend on the loader.
extension ReferenceProgramBuilder {
    static func json(_ program: Program) -> String {
        var people: [String] = []
        for person in program.people {
            var fields = ["\"id\": \(quoted(person.id))", "\"name\": \(quoted(person.name))"]
            fields.append("\"role\": \(quoted(person.role.rawValue))")
            if let pgy = person.pgy { fields.append("\"pgy\": \(pgy)") }
            if let capabilities = person.capabilities {
                fields.append("\"capabilities\": [\(capabilities.map(quoted).joined(separator: ", "))]")
            }
            if let cap = person.maxSessionsPerWeek { fields.append("\"max_sessions_per_week\": \(cap)") }
            people.append("{" + fields.joined(separator: ", ") + "}")
        }
        let rotations = program.rotations.map { rotation in
            "{\"id\": \(quoted(rotation.id)), \"name\": \(quoted(rotation.name)), "
                + "\"category\": \(quoted(rotation.category.rawValue)), \"min_faculty\": \(rotation.minFaculty), "
                + "\"supervision\": \(rotation.supervision), \"hours_per_session\": \(rotation.hoursPerSession)}"
        }
        let assignments = program.assignments.map { assignment in
            "{\"person\": \(quoted(assignment.person)), \"date\": \"\(assignment.date)\", "
                + "\"session\": \"\(assignment.session.rawValue)\", \"rotation\": \(quoted(assignment.rotation)), "
                + "\"call\": \(assignment.call)}"
        }
        let absences = program.absences.map { absence in
            "{\"person\": \(quoted(absence.person)), \"start\": \"\(absence.start)\", \"end\": \"\(absence.end)\", "
                + "\"type\": \(quoted(absence.kind.rawValue))}"
        }
        func list(_ items: [String]) -> String { "[\n  " + items.joined(separator: ",\n  ") + "\n]" }
        return "{\"program\": \(quoted(program.name)),\n\"people\": \(list(people)),\n"
            + "\"rotations\": \(list(rotations)),\n\"assignments\": \(list(assignments)),\n"
            + "\"absences\": \(list(absences))}\n"
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20: out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
