import Foundation
import VigilCore

/// Reads time intervals from a configuration as Alertmanager 0.25 does (`time_intervals:` and the
/// legacy `mute_time_intervals:`, same shape), reporting each problem at the offending value, so
/// that a message reads `escalation.yml:12:9: time_intervals[0].time_intervals[0].weekdays[0]:
/// start day cannot be after end day`. Unknown keys are reported too.
///
/// Unlike Alertmanager, an explicitly empty list (`weekdays: []`) is an error: Alertmanager takes it
/// to match nothing, so the whole interval never applies, while ``TimeIntervalSpec`` reads an empty
/// field as "any"; a silent flip from "never" to "always" would be worse than either.
public enum TimeIntervalReader {
    /// One element of `time_intervals:` (`{name: x, time_intervals: [...]}`), problems reported at their positions.
    /// Nil when anything in it was reported. Names must be non-empty; uniqueness across the list is the
    /// caller's to check (Alertmanager: `time interval "x" is not unique`).
    public static func readNamed(_ value: YAMLValue) -> NamedTimeInterval? {
        reportingNilOnProblems(value) {
            value.mapping { reader in
                let name = readName(reader)
                let intervals = reader.sequence("time_intervals", readInterval) ?? []
                return name.map { NamedTimeInterval(name: $0, intervals: intervals) }
            } ?? nil
        }
    }

    /// One element of a `time_intervals:` list inside a named interval (`{times: [{start_time: "09:00", end_time: "17:00"}], weekdays: ['monday:friday'], days_of_month: [...], months: [...], years: [...], location: 'Europe/Berlin'}`).
    /// Nil when anything in it was reported. An empty mapping is an interval that contains every instant.
    public static func readInterval(_ value: YAMLValue) -> TimeIntervalSpec? {
        reportingNilOnProblems(value) {
            value.mapping { reader in
                TimeIntervalSpec(
                    times: nonEmptyList(reader, "times", "time") { $0.mapping(readTimeRange) ?? nil },
                    weekdays: nonEmptyList(reader, "weekdays", "weekday") { range($0, InclusiveRange.weekdays) },
                    daysOfMonth: nonEmptyList(reader, "days_of_month", "day") { range($0, InclusiveRange.daysOfMonth) },
                    months: nonEmptyList(reader, "months", "month") { range($0, InclusiveRange.months) },
                    years: nonEmptyList(reader, "years", "year") { range($0, InclusiveRange.years) },
                    location: reader.string("location") { name in
                        TimeIntervalSpec.zone(named: name, defaultZone: .gmt) == nil ? "unknown time zone \(name)" : nil
                    })
            }
        }
    }

    /// `{start_time: "09:00", end_time: "17:00"}`.
    private static func readTimeRange(_ reader: YAMLMappingReader) -> TimeRange? {
        let startValue = reader.value("start_time")
        let endValue = reader.value("end_time")
        // Read both before judging, so a wrong type is reported once and a missing one not twice.
        let start = startValue?.string()
        let end = endValue?.string()
        if (startValue != nil && start == nil) || (endValue != nil && end == nil) { return nil }
        guard let start, let end, let startValue, let endValue, !start.isEmpty, !end.isEmpty else {
            reader.value.report("both start and end times must be provided")
            return nil
        }
        let startMinute = minute(startValue, start)
        let endMinute = minute(endValue, end)
        guard let startMinute, let endMinute else { return nil }
        guard startMinute < endMinute else {
            endValue.report("start time cannot be equal or greater than end time")
            return nil
        }
        return TimeRange(startMinute: startMinute, endMinute: endMinute)
    }

    private static func minute(_ value: YAMLValue, _ text: String) -> Int? {
        do {
            return try TimeRange.minuteOfDay(text)
        } catch {
            value.report(error.message)
            return nil
        }
    }

    private static func range(
        _ item: YAMLValue, _ parse: (String) throws(TimeIntervalParseError) -> InclusiveRange
    ) -> InclusiveRange? {
        guard let text = item.string() else { return nil }
        do {
            return try parse(text)
        } catch {
            item.report(error.message)
            return nil
        }
    }

    /// The list under `key` read with `each`; absent or null is empty (any), `[]` is reported.
    private static func nonEmptyList<T>(
        _ reader: YAMLMappingReader, _ key: String, _ what: String, _ each: (YAMLValue) -> T?
    ) -> [T] {
        guard let value = reader.value(key) else { return [] }
        if value.kind == .sequence, value.sequence({ _ in () })?.isEmpty == true {
            value.report(
                "an empty \(key) list matches no \(what) at all (Alertmanager never applies such an interval); "
                    + "leave \(key) out to match any \(what)")
            return []
        }
        return value.sequence(each) ?? []
    }

    /// `name`, present and non-empty (Alertmanager: `missing name in time interval`).
    private static func readName(_ reader: YAMLMappingReader) -> String? {
        guard let value = reader.value("name") else {
            reader.value.report("missing name in time interval")
            return nil
        }
        guard let name = value.string() else { return nil }
        if name.isEmpty {
            value.report("missing name in time interval")
            return nil
        }
        return name
    }

    /// `read()`'s result, or nil when it reported anything into `value`'s diagnostics.
    private static func reportingNilOnProblems<T>(_ value: YAMLValue, _ read: () -> T?) -> T? {
        let before = value.diagnostics.errors.count
        let result = read()
        return value.diagnostics.errors.count == before ? result : nil
    }
}
