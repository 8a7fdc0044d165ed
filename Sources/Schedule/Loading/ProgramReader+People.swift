extension ProgramReader {
    mutating func readPeople(_ elements: [JSONValue]) -> [Person] {
        var people: [Person] = []
        people.reserveCapacity(elements.count)
        var fields = FieldValues<PersonField>()
        for (index, element) in elements.enumerated() {
            let path = "people[\(index)]"
            guard readObject(element, into: &fields, path: path) else { continue }
            let id = identifier(fields[.id], path + ".id")
            if let id, let first = personIndex[id], first != index {
                issues.report(
                    path + ".id", at: fields[.id]?.position,
                    "duplicate person id \(quote(id)) (first defined at people[\(first)], line "
                        + "\(elements[first].position.line))")
            }
            let name = string(fields[.name], path + ".name")
            let role = role(fields[.role], path + ".role")
            let who = id.map(quote) ?? "this person"
            var pgy: Int?
            var capabilities: [String]?
            var cap: Int?
            if role == .faculty, let value = fields[.pgy] {
                issues.report(path + ".pgy", at: value.position, "only residents have a pgy, and \(who) is faculty")
            } else {
                pgy = wholeNumber(fields[.pgy], in: ScheduleFormat.pgyRange, path + ".pgy")
            }
            if role == .resident, let value = fields[.capabilities] {
                issues.report(
                    path + ".capabilities", at: value.position,
                    "only faculty have capabilities, and \(who) is a resident")
            } else {
                capabilities = readCapabilities(fields[.capabilities], path + ".capabilities")
            }
            if role == .resident, let value = fields[.maxSessionsPerWeek] {
                issues.report(
                    path + ".max_sessions_per_week", at: value.position,
                    "only faculty have a weekly session cap, and \(who) is a resident")
            } else {
                cap = wholeNumber(
                    fields[.maxSessionsPerWeek], in: ScheduleFormat.maxSessionsPerWeekRange,
                    path + ".max_sessions_per_week")
            }
            guard let id, let role else { continue }
            people.append(
                Person(
                    id: id, name: name ?? id, role: role, pgy: pgy, capabilities: capabilities,
                    maxSessionsPerWeek: cap))
        }
        return people
    }

    private mutating func role(_ value: JSONValue?, _ path: String) -> Person.Role? {
        guard let text = string(value, path) else { return nil }
        if let role = Person.Role(rawValue: text) { return role }
        let hint = Suggestion.didYouMean(text, among: Person.Role.allCases.map(\.rawValue))
        issues.report(path, at: value?.position, "must be \"faculty\" or \"resident\", not \(quote(text))\(hint)")
        return nil
    }

    private mutating func readCapabilities(_ value: JSONValue?, _ path: String) -> [String]? {
        guard let elements = array(value, path) else { return nil }
        var capabilities: [String] = []
        capabilities.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            if let rotation = rotationReference(element, path + "[\(index)]") { capabilities.append(rotation) }
        }
        return capabilities
    }
}
