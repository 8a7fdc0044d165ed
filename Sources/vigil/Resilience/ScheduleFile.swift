import ArgumentParser
import Foundation
import Schedule

/// Loads a schedule file for a command, printing every problem to stderr and exiting 1 when it
/// is invalid (the exit code `vigil resilience` promises).
enum ScheduleFile {
    static func load(_ path: String) throws -> Program {
        do {
            return try ScheduleLoader.load(path: path)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

/// Today's date where the program is: a night shift in Chicago must not see tomorrow's schedule
/// because the server runs on UTC.
enum CalendarToday {
    static func day(timezone: String?) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timezone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }
}
