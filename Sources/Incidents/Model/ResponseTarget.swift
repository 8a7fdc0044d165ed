import Alerting
import Foundation

/// The program's response targets by severity: P1 within 15 minutes, P2 within an hour, P3 within
/// four hours, P4 by the end of the next business day. Every incident shows them against the
/// actual times (acknowledgement, resolution), and the post-mortem says whether they were met.
public enum ResponseTarget {
    /// When the business day ends, in the program's time zone (hour of day).
    static let endOfBusinessDay = 17

    /// The time (ms) by which someone must respond to an incident of `severity` detected at
    /// `detectedAt`. For P4, the next business day is the next Monday-to-Friday after the day of
    /// detection, in `timeZone` (holidays are not known to Vigil).
    public static func deadline(_ severity: IncidentSeverity, detectedAt: Int64, timeZone: TimeZone) -> Int64 {
        switch severity {
        case .p1: return detectedAt + 15 * 60_000
        case .p2: return detectedAt + 60 * 60_000
        case .p3: return detectedAt + 4 * 60 * 60_000
        case .p4:
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            var day = calendar.startOfDay(for: Date(timeIntervalSince1970: Double(detectedAt) / 1000))
            repeat {
                day = calendar.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86_400)
            } while calendar.isDateInWeekend(day)
            let end = calendar.date(bySettingHour: endOfBusinessDay, minute: 0, second: 0, of: day) ?? day
            return Int64((end.timeIntervalSince1970 * 1000).rounded())
        }
    }

    /// The target as people say it.
    public static func description(_ severity: IncidentSeverity) -> String {
        switch severity {
        case .p1: "15 minutes"
        case .p2: "1 hour"
        case .p3: "4 hours"
        case .p4: "next business day"
        }
    }
}
