import Foundation

/// Small programs the incident tests share: two faculty and one PGY-1 in the only clinic, which
/// f1 alone covers each morning of 2026-07-06…08.
public enum IncidentPrograms {
    /// f1 is away (sick) on the 7th and 8th: two clinic mornings uncovered, r1 unsupervised.
    public static let absence = """
        {"program": "Observe", "timezone": "America/Chicago",
         "people": [
           {"id": "f1", "name": "Dr One", "role": "faculty", "max_sessions_per_week": 10},
           {"id": "f2", "name": "Dr Two", "role": "faculty", "max_sessions_per_week": 10},
           {"id": "r1", "name": "Res One", "role": "resident", "pgy": 1}],
         "rotations": [{"id": "clinic", "name": "Continuity clinic", "category": "continuity_of_care",
                        "min_faculty": 1, "supervision": true}],
         "assignments": [
           {"person": "r1", "date": "2026-07-06", "session": "AM", "rotation": "clinic"},
           {"person": "f1", "date": "2026-07-06", "session": "AM", "rotation": "clinic"},
           {"person": "r1", "date": "2026-07-07", "session": "AM", "rotation": "clinic"},
           {"person": "f1", "date": "2026-07-07", "session": "AM", "rotation": "clinic"},
           {"person": "r1", "date": "2026-07-08", "session": "AM", "rotation": "clinic"},
           {"person": "f1", "date": "2026-07-08", "session": "AM", "rotation": "clinic"}],
         "absences": [{"person": "f1", "start": "2026-07-07", "end": "2026-07-08", "type": "sick"}]}
        """

    /// The same program with f1 at work: every slot covered.
    public static let healthy = absence.replacingOccurrences(
        of: #"[{"person": "f1", "start": "2026-07-07", "end": "2026-07-08", "type": "sick"}]"#, with: "[]")

    /// A bad push: the healthy program without f1's clinic assignment on the 7th.
    public static let badPush = healthy.replacingOccurrences(
        of: #"{"person": "f1", "date": "2026-07-07", "session": "AM", "rotation": "clinic"},"#, with: "")
}
