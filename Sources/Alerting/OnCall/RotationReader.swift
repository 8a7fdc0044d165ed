import Foundation
import VigilCore

/// Reads one `oncall:` rotation: `name`, `members` (receivers), `shift` (`daily`, `weekly` or a
/// duration), `handoff` (`HH:MM`, local), `start` (`YYYY-MM-DD`), optional `time_zone` (IANA) and
/// `overrides` (`{member, start, end}` as local `YYYY-MM-DDTHH:MM`).
enum RotationReader {
    struct Read {
        var rotation: Rotation
        var nameValue: YAMLValue?
        /// Where each member and override member was written (checked against the receivers).
        var members: [(name: String, at: YAMLValue)]
    }

    static func read(_ value: YAMLValue) -> Read? {
        value.mapping { reader -> Read? in
            let nameValue = reader.required("name")
            let name = nameValue?.string(check: { text in
                text.isEmpty || text.contains(where: { $0.isWhitespace || $0 == ":" })
                    ? "a rotation name must be non-empty, without spaces or colons" : nil
            })
            var members: [(name: String, at: YAMLValue)] = []
            let list =
                reader.required("members")?.sequence { item -> String? in
                    guard let member = item.string() else { return nil }
                    members.append((member, item))
                    return member
                } ?? []
            if list.isEmpty, reader.contains("members") {
                reader.report("a rotation needs at least one member", at: "members")
            }
            let shift = reader.required("shift").flatMap(readShift)
            let handoff = reader.value("handoff").flatMap(readHandoff) ?? 0
            let start = reader.required("start").flatMap(readDate)
            var zone: TimeZone?
            if let zoneValue = reader.value("time_zone"), let identifier = zoneValue.string() {
                zone = TimeZone(identifier: identifier)
                if zone == nil {
                    zoneValue.report("unknown time zone \"\(identifier)\" (an IANA name, e.g. America/New_York)")
                }
            }
            let overrides =
                reader.sequence("overrides") { item in
                    item.mapping { overrideReader -> RotationOverride? in
                        let memberValue = overrideReader.required("member")
                        let member = memberValue?.string()
                        if let member, let memberValue { members.append((member, memberValue)) }
                        let start = overrideReader.required("start").flatMap(readDateTime)
                        let end = overrideReader.required("end").flatMap(readDateTime)
                        guard let member, let start, let end else { return nil }
                        if end <= start {
                            overrideReader.report("an override must end after it starts", at: "end")
                            return nil
                        }
                        return RotationOverride(member: member, startLocal: start, endLocal: end)
                    }.flatMap { $0 }
                } ?? []
            guard let name, let shift, let start else { return nil }
            return Read(
                rotation: Rotation(
                    name: name, members: list, shiftSeconds: shift, startLocal: start + handoff, timeZone: zone,
                    overrides: overrides),
                nameValue: nameValue, members: members)
        }.flatMap { $0 }
    }

    /// `daily`, `weekly` or a duration of whole minutes (`12h`).
    static func readShift(_ value: YAMLValue) -> Int64? {
        guard let text = value.string() else { return nil }
        switch text {
        case "daily": return 86_400
        case "weekly": return 604_800
        default:
            guard let duration = try? PromDuration(parsing: text), duration.milliseconds >= 60_000,
                duration.milliseconds % 60_000 == 0
            else {
                value.report("shift must be daily, weekly or a duration of whole minutes (e.g. 12h), not \"\(text)\"")
                return nil
            }
            return duration.milliseconds / 1000
        }
    }

    /// `HH:MM` → seconds after midnight.
    static func readHandoff(_ value: YAMLValue) -> Int64? {
        guard let text = value.string() else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int64(parts[0]),
            let minute = Int64(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else {
            value.report("handoff must be a local time HH:MM, e.g. \"08:00\", not \"\(text)\"")
            return nil
        }
        return hour * 3600 + minute * 60
    }

    /// `YYYY-MM-DD` → local seconds at midnight.
    static func readDate(_ value: YAMLValue) -> Int64? {
        guard let text = value.string() else { return nil }
        guard let seconds = localSeconds(text, withTime: false) else {
            value.report("start must be a date YYYY-MM-DD, not \"\(text)\"")
            return nil
        }
        return seconds
    }

    /// `YYYY-MM-DDTHH:MM` → local seconds.
    static func readDateTime(_ value: YAMLValue) -> Int64? {
        guard let text = value.string() else { return nil }
        guard let seconds = localSeconds(text, withTime: true) else {
            value.report("must be a local date and time YYYY-MM-DDTHH:MM, not \"\(text)\"")
            return nil
        }
        return seconds
    }

    static func localSeconds(_ text: String, withTime: Bool) -> Int64? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = withTime ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd"
        formatter.isLenient = false
        guard let date = formatter.date(from: text) else { return nil }
        return Int64(date.timeIntervalSince1970)
    }
}
