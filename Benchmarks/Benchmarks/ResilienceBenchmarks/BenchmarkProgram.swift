import Schedule

/// A synthetic family-medicine program for the benchmarks alone, until `ProgramGenerator`
/// (`vigil resilience generate`) is on main; then the fixture should use that instead, so the
/// benchmark runs on exactly the program `compare-contingency.sh` hands the reference.
///
/// Shape: nine rotations (supervised clinic, wards, obstetrics and paediatrics; nights; optional
/// didactics; research and administration that need nobody), residents of PGY-1..3 on four-week
/// tracks (a third of them off-service or on electives at any time), faculty with capability profiles and weekly caps of 6–10, each slot staffed with its
/// need (sometimes one more) by the least-loaded qualified faculty free that half-day, and one
/// vacation week per faculty member. Deterministic for a seed.
enum BenchmarkProgram {
    static let start = Day(year: 2026, month: 7, day: 1) ?? Day(ordinal: 20_635)

    static func make(faculty facultyCount: Int, residents residentCount: Int, weeks: Int, seed: UInt64) -> Program {
        var rng = BenchmarkRandom(state: seed)
        let rotations = [
            Rotation(id: "clinic", name: "Clinic", category: .continuityOfCare, minFaculty: 1, supervision: true),
            Rotation(id: "inpatient", name: "Wards", category: .patientSafety, minFaculty: 1, supervision: true),
            Rotation(id: "obstetrics", name: "Obstetrics", category: .patientSafety, minFaculty: 1, supervision: true),
            Rotation(id: "pediatrics", name: "Pediatrics", category: .educationCore, minFaculty: 1, supervision: true),
            Rotation(id: "nights", name: "Night float", category: .patientSafety, minFaculty: 1),
            Rotation(id: "procedures", name: "Procedures", category: .educationCore, supervision: true),
            Rotation(id: "didactics", name: "Didactics", category: .educationOptional, minFaculty: 1),
            Rotation(id: "research", name: "Research", category: .research),
            Rotation(id: "admin", name: "Administration", category: .administration),
        ]
        let ids = rotations.map(\.id)
        let faculty = (0..<facultyCount).map { index in
            let capabilities: [String]? =
                rng.below(2) == 0 ? nil : Array(ids.shuffled(using: &rng).prefix(2 + rng.below(3)))
            return Person(
                id: "f" + padded(index + 1), name: "Dr \(index + 1)", role: .faculty, capabilities: capabilities,
                maxSessionsPerWeek: 6 + rng.below(5))
        }
        let residents = (0..<residentCount).map { index in
            Person(
                id: "r" + padded(index + 1), name: "Resident \(index + 1)", role: .resident,
                pgy: 1 + index * 3 / max(1, residentCount))
        }
        let days = weeks * 7
        let absences = faculty.map { member in
            let first = start.advanced(by: rng.below(max(1, days / 7)) * 7)
            return Absence(person: member.id, start: first, end: first.advanced(by: 6), kind: .vacation)
        }

        var assignments: [Assignment] = []
        var load = [Int](repeating: 0, count: facultyCount)
        // Four-week tracks: clinic … procedures, then off-service and two electives (no slot here).
        let residentRotations = [0, 1, 2, 3, 4, 5, -1, -1, -1]
        for offset in 0..<days {
            let day = start.advanced(by: offset)
            if day.isoWeekday == 1 { load = [Int](repeating: 0, count: facultyCount) }
            let weekend = day.isoWeekday >= 6
            for session in Session.allCases {
                var groups = [[Int]](repeating: [], count: rotations.count)
                for resident in 0..<residentCount {
                    let track = residentRotations[(resident + offset / 28) % residentRotations.count]
                    if track < 0 || (weekend && track != 1 && track != 4) { continue }
                    groups[track].append(resident)
                }
                if !weekend {
                    for extra in [6, 7, 8] where rng.below(3) == 0 { groups[extra] = [] }
                }
                var busy = Set<Int>()
                for (rotation, group) in groups.enumerated() {
                    let wanted = !weekend && rotation >= 6
                    guard !group.isEmpty || (wanted && rng.below(2) == 0) else { continue }
                    let units = group.reduce(0) { $0 + (residents[$1].pgy == 1 ? 2 : 1) }
                    var need = rotations[rotation].minFaculty
                    if rotations[rotation].supervision { need = max(need, (units + 3) / 4) }
                    let staff = need + (rng.below(4) == 0 ? 1 : 0)
                    let chosen = (0..<facultyCount).filter { member in
                        !busy.contains(member) && load[member] < (faculty[member].maxSessionsPerWeek ?? 10)
                            && faculty[member].isQualified(for: ids[rotation])
                            && !absences[member].covers(day)
                    }.sorted { (load[$0], $0) < (load[$1], $1) }.prefix(staff)
                    for member in chosen {
                        busy.insert(member)
                        load[member] += 1
                        assignments.append(
                            Assignment(person: faculty[member].id, date: day, session: session, rotation: ids[rotation])
                        )
                    }
                    for resident in group {
                        assignments.append(
                            Assignment(
                                person: residents[resident].id, date: day, session: session, rotation: ids[rotation],
                                call: rotation == 1 && session == .pm && rng.below(7) == 0))
                    }
                }
            }
        }
        return Program(
            name: "Benchmark program (seed \(seed))", people: faculty + residents, rotations: rotations,
            assignments: assignments, absences: absences)
    }

    private static func padded(_ number: Int) -> String {
        number < 10 ? "00\(number)" : number < 100 ? "0\(number)" : "\(number)"
    }
}

/// SplitMix64, for a program that is the same on every run.
struct BenchmarkRandom: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}
