import Foundation
import Resilience
import Schedule

/// `GET /api/v1/schedule/summary` (and the answer to a successful push): which schedule the
/// engine sees, where it came from, how big it is, the window, and the latest report's headline.
struct ScheduleSummaryDocument: Encodable {
    let loaded: LoadedSchedule
    let window: ScheduleWindow
    let lastFileFailure: String?
    let headline: ResilienceHeadline?

    enum CodingKeys: String, CodingKey {
        case program, source, path, version, people, faculty, residents, rotations, assignments, absences
        case window, headline
        case loadedAt = "loaded_at"
        case firstAssignment = "first_assignment"
        case lastAssignment = "last_assignment"
        case lastLoadSuccessful = "last_load_successful"
        case lastLoadError = "last_load_error"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let program = loaded.program
        try container.encode(program.name, forKey: .program)
        try container.encode(loaded.origin.name, forKey: .source)
        if case .file(let path) = loaded.origin {
            try container.encode(path, forKey: .path)
        } else {
            try container.encodeNil(forKey: .path)
        }
        try container.encode(loaded.loadedAt, forKey: .loadedAt)
        try container.encode(loaded.version, forKey: .version)
        try container.encode(program.people.count, forKey: .people)
        try container.encode(program.people.count { $0.role == .faculty }, forKey: .faculty)
        try container.encode(program.people.count { $0.role == .resident }, forKey: .residents)
        try container.encode(program.rotations.count, forKey: .rotations)
        try container.encode(program.assignments.count, forKey: .assignments)
        try container.encode(program.absences.count, forKey: .absences)
        let days = program.assignments.map(\.date)
        try container.encode(days.min()?.description, forKey: .firstAssignment)
        try container.encode(days.max()?.description, forKey: .lastAssignment)
        try container.encode(WindowDocument(window), forKey: .window)
        try container.encode(lastFileFailure == nil, forKey: .lastLoadSuccessful)
        try container.encode(lastFileFailure, forKey: .lastLoadError)
        try container.encode(headline, forKey: .headline)
    }
}
