import Foundation
import Schedule

/// The schedule in force: the validated program, where it came from and when, and a version the
/// engine runner uses to know it has not evaluated this one yet.
struct LoadedSchedule: Sendable {
    var program: Program
    var origin: ScheduleOrigin
    /// When it was put in force (for a snapshot restored at start, when it was pushed).
    var loadedAt: Date
    /// Increases by one each time a schedule is put in force, whatever its origin.
    var version: Int
}

/// Where the schedule in force came from.
enum ScheduleOrigin: Sendable, Equatable, CustomStringConvertible {
    /// `schedule.path` (absolute).
    case file(path: String)
    /// `PUT /api/v1/schedule`, by `actor`.
    case api(actor: String)

    /// `file` or `api`, as the summary and the audit log say it.
    var name: String {
        switch self {
        case .file: return "file"
        case .api: return "api"
        }
    }

    /// `file:<path>` or `api:<actor>`, as stored with each schedule version.
    var description: String {
        switch self {
        case .file(let path): return "file:\(path)"
        case .api(let actor): return "api:\(actor)"
        }
    }
}
