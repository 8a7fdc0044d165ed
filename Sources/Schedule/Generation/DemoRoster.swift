/// The people of the demo program and the absences its story needs (see ``DemoProgram``).
enum DemoRoster {
    static func faculty() -> [Person] {
        func member(_ id: String, _ name: String, _ capabilities: [FamilyMedicineRotation], _ cap: Int) -> Person {
            Person(id: id, name: name, role: .faculty, capabilities: capabilities.map(\.id), maxSessionsPerWeek: cap)
        }
        return [
            member("f01", "Dr. Elena Marsh", [.administration, .clinic, .didactics, .research, .inpatient], 10),
            member(
                "f02", "Dr. Samuel Okafor",
                [
                    .inpatient, .nightFloat, .clinic, .procedures, .didactics, .administration, .pediatrics, .research,
                    .sportsMedicine, .dermatology,
                ], 10),
            member("f03", "Dr. Priya Raman", [.obstetrics, .clinic, .procedures], 10),
            member("f04", "Dr. Marcus Reyes", [.inpatient, .nightFloat, .clinic, .obstetrics, .procedures], 10),
            member("f05", "Dr. Hannah Lindqvist", [.pediatrics, .clinic, .didactics], 10),
            member("f06", "Dr. James Whitfield", [.sportsMedicine, .procedures, .clinic, .didactics], 10),
            member(
                "f07", "Dr. Aisha Bello",
                [
                    .inpatient, .nightFloat, .clinic, .pediatrics, .procedures, .didactics, .research, .administration,
                    .sportsMedicine, .dermatology,
                ], 10),
            member("f08", "Dr. Thomas Nguyen", [.nightFloat, .inpatient, .clinic], 10),
            member("f09", "Dr. Laura Castellanos", [.dermatology, .clinic, .procedures, .didactics], 10),
            member("f10", "Dr. Kevin O'Brien", [.inpatient, .nightFloat, .clinic, .pediatrics, .procedures], 10),
            member(
                "f11", "Dr. Rachel Goldberg", [.clinic, .research, .didactics, .inpatient, .administration], 10),
            member("f12", "Dr. Zoë Fischer", [.clinic, .pediatrics, .didactics], 7),
        ]
    }

    static func residents() -> [Person] {
        let names = [
            // PGY-1
            "Maya Patel", "Jordan Ellis", "Sofia Ramirez", "Ethan Brooks", "Amara Okoye", "Lucas Meyer", "Grace Kim",
            "Noah Whitaker",
            // PGY-2
            "Isabel Torres", "Daniel Cho", "Fatima Haddad", "Owen Gallagher", "Chloe Nguyen", "Mateo Alvarez",
            "Leah Goldstein", "Samuel Adeyemi",
            // PGY-3
            "Hannah Sorensen", "Marcus Bell", "Priyanka Rao", "Tyler Jensen", "Aaliyah Johnson", "Benjamin Weiss",
            "Camila Ortiz", "Ryan O'Connell",
        ]
        return names.enumerated().map { index, name in
            let number = index + 1
            return Person(
                id: number < 10 ? "r0\(number)" : "r\(number)", name: name, role: .resident, pgy: 1 + index / 8)
        }
    }

    /// Absences the chief scheduler knew of when the year was built: two vacation weeks each (none in
    /// the weeks the demo shows as green), a parental leave, and a national conference.
    static func plannedAbsences() -> [Absence] {
        let vacations: [(String, String)] = [
            ("f01", "2026-08-10"), ("f01", "2026-12-21"), ("f02", "2026-08-17"), ("f02", "2027-03-15"),
            ("f03", "2026-11-02"), ("f03", "2027-04-05"), ("f04", "2026-08-03"), ("f04", "2027-05-10"),
            ("f05", "2026-08-24"), ("f05", "2026-12-28"), ("f06", "2026-10-19"), ("f06", "2027-03-22"),
            ("f07", "2026-11-23"), ("f07", "2027-06-07"), ("f08", "2026-08-31"), ("f08", "2027-01-04"),
            ("f09", "2026-10-26"), ("f09", "2027-04-19"), ("f10", "2026-12-21"), ("f10", "2027-05-24"),
            ("f11", "2027-03-29"), ("f12", "2026-11-09"), ("f12", "2027-05-03"),
        ]
        var absences = vacations.compactMap { person, monday in
            absence(person, from: monday, days: 7, .vacation)
        }
        absences += [
            absence("f11", from: "2026-08-24", through: "2026-11-15", .maternityPaternity),
            absence("f12", from: "2026-09-21", through: "2026-10-04", .medical),
        ].compactMap { $0 }
        for person in ["f01", "f06", "f09"] {
            absences += [absence(person, from: "2026-09-29", through: "2026-10-03", .conference)].compactMap { $0 }
        }
        return absences
    }

    /// The military deployment announced after the schedule was built: their assignments stay in the
    /// file, uncovered.
    static func deployments() -> [Absence] {
        ["f04", "f10"].compactMap { absence($0, from: "2026-09-12", through: "2026-11-08", .deployment) }
    }

    private static func absence(_ person: String, from: String, days: Int, _ kind: Absence.Kind) -> Absence? {
        guard let start = Day(iso: from) else { return nil }
        return Absence(person: person, start: start, end: start.advanced(by: days - 1), kind: kind)
    }

    private static func absence(_ person: String, from: String, through: String, _ kind: Absence.Kind) -> Absence? {
        guard let start = Day(iso: from), let end = Day(iso: through) else { return nil }
        return Absence(person: person, start: start, end: end, kind: kind)
    }
}
