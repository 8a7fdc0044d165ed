/// Places residents: four-week blocks on rotating tracks, a weekly template per track (continuity
/// clinic, the Wednesday academic half-day), ward teams rotating through ``WardRole`` weeks (weekend
/// cover, Friday and Saturday calls), night float Sunday to Thursday, and vacations.
///
/// The templates keep ordinary weeks inside the ACGME limits as Vigil's duty-time model counts them
/// (at most 72 hours in a week, at least one day off in seven, never more than six duty days in a
/// row, the day after a call free) so that only deliberate ``ScheduleBlueprint/ExtraDuty`` breaks them.
struct ResidentPlanner {
    let blueprint: ScheduleBlueprint

    private static let blockDays = 28
    /// Weekday half-days (Monday AM = 0 … Friday PM = 9) other than the Wednesday academic half-day.
    private static let teachingFreeHalfDays = [0, 1, 2, 3, 4, 6, 7, 8, 9]
    private static let academicHalfDay = 5

    func plan(rng: inout SplitMix64) -> ResidentPlan {
        let residents = blueprint.residents
        let count = residents.count
        let days = blueprint.days
        var plan = ResidentPlan(residents: count, days: days)
        guard count > 0, days > 0 else { return plan }

        let order = interleavedOrder(rng: &rng)
        let positions = ResidentTrack.positions(residents: count, shares: blueprint.trackShares)
        var trackStart = [Int](repeating: 0, count: ResidentTrack.allCases.count)
        for track in ResidentTrack.allCases.reversed() {
            if let first = positions.firstIndex(of: track) { trackStart[track.rawValue] = first }
        }
        let step = Self.coprimeStep(count)
        let offset = rng.below(count)
        func position(_ slot: Int, block: Int) -> Int { (slot + block * step + offset) % count }

        var off = [Bool](repeating: false, count: count * days)
        placeVacations(
            order: order, days: days, rng: &rng, plan: &plan, off: &off,
            track: { slot, block in positions[position(slot, block: block)] })

        let extraDuty = extraDutyByResident()

        for day in 0..<days {
            let date = blueprint.start.advanced(by: day)
            let weekday = date.isoWeekday
            let block = day / Self.blockDays
            let weekNumber = Self.floorDiv(date.monday.ordinal, 7)
            var inpatient: [Int] = []

            for (slot, resident) in order.enumerated() {
                if let duty = extraDuty[resident].first(where: { $0.from <= date && date <= $0.through }) {
                    // Every `callEvery` days a 24-hour call, then a post-call day, then plain days.
                    let phase = duty.callEvery > 0 ? duty.from.distance(to: date) % duty.callEvery : -1
                    if phase != 1 {
                        if duty.rotation != .nightFloat {
                            plan.set(resident: resident, halfDay: day * 2, duty.rotation)
                        }
                        plan.set(resident: resident, halfDay: day * 2 + 1, duty.rotation)
                    }
                    if phase == 0 {
                        plan.call[resident * days + day] = true
                        if day + 1 < days { off[resident * days + day + 1] = true }
                    }
                    continue
                }
                let place = position(slot, block: block)
                let track = positions[place]
                if track == .inpatient {
                    inpatient.append(resident)
                    continue
                }
                if off[resident * days + day] { continue }
                switch track {
                case .nightFloat:
                    if weekday == 7 || weekday <= 4 {
                        plan.set(resident: resident, halfDay: day * 2 + 1, .nightFloat)
                    }
                default:
                    guard weekday <= 5 else { continue }
                    for session in 0..<2 {
                        let value = weekdayRotation(
                            track: track, slot: slot, pgy: residents[resident].pgy ?? 1,
                            halfDay: (weekday - 1) * 2 + session, block: block,
                            indexInTrack: place - trackStart[track.rawValue])
                        plan.set(resident: resident, halfDay: day * 2 + session, value)
                    }
                }
            }

            for team in Self.teams(of: inpatient) {
                let cycle = WardRole.cycle(teamSize: team.count)
                for (member, resident) in team.enumerated() where !off[resident * days + day] {
                    let role = cycle[Self.floorMod(weekNumber + member, cycle.count)]
                    let duty = role.duty(weekday: weekday)
                    guard duty.works else { continue }
                    plan.set(resident: resident, halfDay: day * 2, .inpatient)
                    plan.set(resident: resident, halfDay: day * 2 + 1, .inpatient)
                    if duty.call {
                        plan.call[resident * days + day] = true
                        if day + 1 < days { off[resident * days + day + 1] = true }
                    }
                }
            }
        }
        restAfterNights(&plan, extraDuty: extraDuty)
        capConsecutiveDutyDays(&plan, extraDuty: extraDuty)
        return plan
    }

    // MARK: - Weekly templates

    /// A non-ward track's rotation for one weekday half-day (nil: free — study, home visits).
    private func weekdayRotation(
        track: ResidentTrack, slot: Int, pgy: Int, halfDay: Int, block: Int, indexInTrack: Int
    ) -> FamilyMedicineRotation? {
        if halfDay == Self.academicHalfDay { return .didactics }
        let choices = Self.teachingFreeHalfDays
        let continuity = halfDay == choices[(2 * slot) % 9] || (pgy >= 2 && halfDay == choices[(2 * slot + 5) % 9])
        switch track {
        case .obstetrics: return continuity ? .clinic : .obstetrics
        case .pediatrics: return continuity ? .clinic : .pediatrics
        case .offService: return continuity ? .clinic : ((block + indexInTrack) % 2 == 0 ? .emergency : .surgery)
        case .elective:
            // One dermatologist can precept two residents; everyone else takes sports medicine.
            return continuity ? .clinic : (block % 2 == 1 && indexInTrack < 2 ? .dermatology : .sportsMedicine)
        case .research:
            if continuity { return .clinic }
            return halfDay == 2 || halfDay == 6 ? .research : nil
        case .ambulatory:
            // Procedures and the free half-days sit where the week is otherwise quiet or busy
            // respectively, so that no half-day needs most of the faculty at once.
            if halfDay == (slot % 2 == 0 ? 4 : 9) { return .procedures }
            if halfDay == [1, 3, 7][slot % 3] || halfDay == [0, 2, 6, 8][slot % 4] { return nil }
            return .clinic
        case .inpatient, .nightFloat:
            return nil
        }
    }

    /// Ward residents in teams of three (a last team of one joins the one before it).
    private static func teams(of members: [Int]) -> [[Int]] {
        var teams: [[Int]] = stride(from: 0, to: members.count, by: 3).map {
            Array(members[$0..<min($0 + 3, members.count)])
        }
        if teams.count > 1, let last = teams.last, last.count == 1 {
            teams.removeLast()
            teams[teams.count - 1].append(contentsOf: last)
        }
        return teams
    }

    // MARK: - Order, vacations, limits

    /// Residents ordered PGY-1, PGY-2, PGY-3, PGY-1, … so that any three consecutive positions —
    /// a ward team — hold one resident of each year (one intern and two seniors: one supervisor).
    private func interleavedOrder(rng: inout SplitMix64) -> [Int] {
        var groups: [[Int]] = [[], [], []]
        for (index, resident) in blueprint.residents.enumerated() {
            groups[min(max((resident.pgy ?? 1) - 1, 0), 2)].append(index)
        }
        for index in groups.indices { rng.shuffle(&groups[index]) }
        var order: [Int] = []
        order.reserveCapacity(blueprint.residents.count)
        var round = 0
        while order.count < blueprint.residents.count {
            for group in groups where round < group.count { order.append(group[round]) }
            round += 1
        }
        return order
    }

    /// One or two Monday-to-Sunday weeks per resident per 52 weeks, each inside one block on a
    /// track that allows it.
    private func placeVacations(
        order: [Int], days: Int, rng: inout SplitMix64, plan: inout ResidentPlan, off: inout [Bool],
        track: (Int, Int) -> ResidentTrack
    ) {
        let firstMonday = (8 - blueprint.start.isoWeekday) % 7
        let mondays = Array(stride(from: firstMonday, to: days - 6, by: 7))
        guard !mondays.isEmpty else { return }
        let years = (days + 363) / 364
        for (slot, resident) in order.enumerated() {
            let weeks =
                blueprint.residentVacationWeeks.indices.contains(resident)
                ? blueprint.residentVacationWeeks[resident] : 0
            for year in 0..<years {
                for _ in 0..<weeks {
                    let guess = year * 364 + rng.below(52) * 7
                    guard guess < days else { continue }
                    let first = mondays.firstIndex { $0 >= guess } ?? 0
                    for probe in 0..<mondays.count {
                        let monday = mondays[(first + probe) % mondays.count]
                        let block = monday / Self.blockDays
                        guard block == (monday + 6) / Self.blockDays, track(slot, block).allowsVacation,
                            !(monday...(monday + 6)).contains(where: { off[resident * days + $0] })
                        else { continue }
                        for day in monday...(monday + 6) { off[resident * days + day] = true }
                        plan.vacations.append(
                            Absence(
                                person: blueprint.residents[resident].id, start: blueprint.start.advanced(by: monday),
                                end: blueprint.start.advanced(by: monday + 6), kind: .vacation))
                        break
                    }
                }
            }
        }
    }

    private func extraDutyByResident() -> [[ScheduleBlueprint.ExtraDuty]] {
        var byResident = [[ScheduleBlueprint.ExtraDuty]](repeating: [], count: blueprint.residents.count)
        for duty in blueprint.extraDuty {
            if let index = blueprint.residents.firstIndex(where: { $0.id == duty.resident }) {
                byResident[index].append(duty)
            }
        }
        return byResident
    }

    /// Frees the morning after a night shift (night float ends after midnight; an AM session at 07:00
    /// would leave less than the 8 hours that separate two duty periods). Only happens where a night
    /// float block ends.
    private func restAfterNights(_ plan: inout ResidentPlan, extraDuty: [[ScheduleBlueprint.ExtraDuty]]) {
        for resident in 0..<plan.residents {
            for day in 1..<max(1, plan.days) where plan.spillsPastMidnight(resident: resident, day: day - 1) {
                let date = blueprint.start.advanced(by: day)
                guard plan.rotation(resident: resident, halfDay: day * 2) != nil,
                    !extraDuty[resident].contains(where: { $0.from <= date && date <= $0.through })
                else { continue }
                plan.set(resident: resident, halfDay: day * 2, nil)
            }
        }
    }

    /// Frees a day wherever tracks meet at a block boundary and a run of duty days would pass six (a
    /// post-call morning and a night shift's small hours are duty days too); never during deliberate
    /// extra duty.
    private func capConsecutiveDutyDays(_ plan: inout ResidentPlan, extraDuty: [[ScheduleBlueprint.ExtraDuty]]) {
        func isExtra(_ resident: Int, _ day: Int) -> Bool {
            let date = blueprint.start.advanced(by: day)
            return extraDuty[resident].contains { $0.from <= date && date <= $0.through }
        }
        for resident in 0..<plan.residents {
            var day = 0
            var run = 0
            while day < plan.days {
                guard plan.isDutyDay(resident: resident, day: day) else {
                    run = 0
                    day += 1
                    continue
                }
                run += 1
                if run > 6 {
                    var freed = false
                    if plan.hasSession(resident: resident, day: day), !isExtra(resident, day) {
                        plan.clear(resident: resident, day: day)
                        freed = true
                    }
                    if day > 0, plan.spillsPastMidnight(resident: resident, day: day - 1), !isExtra(resident, day - 1) {
                        plan.clear(resident: resident, day: day - 1)
                        freed = true
                    }
                    if freed {
                        // Clearing touches only this day and the one before: rescan from the run's start.
                        day -= run - 1
                        run = 0
                        continue
                    }
                }
                day += 1
            }
        }
    }

    /// The smallest step ≥ count / 13 that is coprime with `count`, so that over a year's thirteen
    /// blocks each resident visits positions spread over every track.
    private static func coprimeStep(_ count: Int) -> Int {
        var step = max(1, count / 13)
        while gcd(step, count) != 1 { step += 1 }
        return step
    }

    private static func gcd(_ lhs: Int, _ rhs: Int) -> Int { rhs == 0 ? lhs : gcd(rhs, lhs % rhs) }

    private static func floorMod(_ value: Int, _ divisor: Int) -> Int {
        guard divisor > 0 else { return 0 }
        let remainder = value % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }

    private static func floorDiv(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
