/// The values of one object's known keys, by key. Kept in a reused buffer with a bit per key
/// present: a schedule has a hundred thousand small objects, and a dictionary each (or even
/// clearing the buffer each time) would be a good part of the loading time.
struct FieldValues<Field: ScheduleField> {
    /// The value of each key, in `Field.keys` order; meaningful only where `present` has its bit.
    fileprivate var values = [JSONValue](
        repeating: JSONValue(.null, at: JSONPosition(line: 0, column: 0)), count: Field.keys.count)
    fileprivate var present: UInt64 = 0

    subscript(field: Field) -> JSONValue? {
        present & (1 << field.rawValue) != 0 ? values[field.rawValue] : nil
    }
}

extension ProgramReader {
    /// Sorts the members of `value` into `fields`, reporting unknown keys (with a suggestion) and
    /// missing required ones. False when `value` is not an object at all.
    mutating func readObject<Field>(
        _ value: JSONValue, into fields: inout FieldValues<Field>, path: @autoclosure () -> String
    ) -> Bool {
        fields.present = 0
        guard case .object(let members) = value.kind else {
            issues.report(path(), at: value.position, "must be \(Field.objectName) ({…}), not \(describe(value))")
            return false
        }
        let keys = Field.keys
        for member in members {
            let length = member.key.utf8.count
            if let slot = keys.firstIndex(where: { $0.utf8.count == length && $0 == member.key }) {
                fields.values[slot] = member.value
                fields.present |= 1 << slot
            } else {
                issues.report(
                    joinPath(path(), member.key), at: member.keyPosition,
                    unknownFieldMessage(member.key, Field.self))
            }
        }
        if fields.present & Field.requiredMask != Field.requiredMask {
            for field in Field.required where fields[field] == nil {
                issues.report(path(), at: value.position, "missing required field \"\(field.key)\"")
            }
        }
        return true
    }
}

extension ScheduleField {
    /// One bit per required key, as `FieldValues.present` has them.
    static var requiredMask: UInt64 { required.reduce(0) { $0 | 1 << $1.rawValue } }
}

private func unknownFieldMessage<Field: ScheduleField>(_ key: String, _: Field.Type) -> String {
    let known = Field.keys
    if let suggestion = Suggestion.closest(to: key, among: known) {
        return "unknown field \"\(key)\" (did you mean \"\(suggestion)\"?)"
    }
    return "unknown field \"\(key)\"; \(Field.objectName) has \(known.joined(separator: ", "))"
}

/// `path.key`, or `key` at the top.
func joinPath(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }
