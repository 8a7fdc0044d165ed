import Resilience
import Schedule
import Testing

/// Hubs: who the program hinges on, from the N-1/N-2 figures, the qualifications and the fillers.
@Suite struct HubTests {
    private func evaluate(_ builder: ProgramBuilder, days: Int = 7, settings: ResilienceSettings = .standard)
        -> ResilienceReport
    {
        ResilienceEngine(settings: settings).evaluate(program: builder.program, window: builder.window(days: days))
    }

    private func hub(_ report: ResilienceReport, _ person: String) throws -> Hub {
        try #require(report.hubs.ranked.first { $0.person == person })
    }

    /// f1 alone may do the ward and covers it on five mornings; clinic has three qualified faculty.
    private func onlyQualifiedProgram() -> ProgramBuilder {
        var builder = ProgramBuilder()
        builder.faculty("f1", capabilities: ["ward"])
        for id in ["f2", "f3", "f4"] { builder.faculty(id, capabilities: ["clinic"]) }
        builder.rotation("ward")
        builder.rotation("clinic")
        for day in 0..<5 {
            builder.assign("f1", day: day, .am, "ward")
            builder.assign("f2", day: day, .am, "clinic")
        }
        return builder
    }

    @Test func theOnlyQualifiedPersonIsTheTopHubWithTheirSlotsAsN1Impact() throws {
        let report = evaluate(onlyQualifiedProgram())
        let top = try #require(report.hubs.ranked.first)
        #expect(top.person == "f1")
        #expect(top.n1UnfillableSlots == 5)
        #expect(top.onlyQualifiedRotations == ["ward"])
        #expect(top.scarceRotations == ["ward"])
        #expect(top.coveredSlots == 5)
        #expect(top.substitutesPerSlot == 0)
        #expect(top.score > HubSettings.standard.criticalThreshold)
        #expect(top.why.contains("only faculty qualified for ward"))
        #expect(top.why.contains("leaves 5 slots uncovered"))
        #expect(report.hubs.criticalCount == 1)
        // f2 is replaceable by f3 and f4 (two substitutes per slot); f3 and f4 cover nothing.
        let f2 = try hub(report, "f2")
        #expect(f2.n1UnfillableSlots == 0)
        #expect(f2.substitutesPerSlot == 2)
        #expect(f2.score < top.score)
    }

    @Test func aFullyRedundantProgramHasOnlyLowScoresAndNoCriticalHub() {
        var builder = ProgramBuilder()
        for id in ["f1", "f2", "f3", "f4", "f5", "f6"] { builder.faculty(id) }
        builder.rotation("clinic")
        for day in 0..<5 {
            builder.assign("f1", day: day, .am, "clinic")
            builder.assign("f2", day: day, .pm, "clinic")
        }
        let report = evaluate(builder)
        #expect(report.hubs.criticalCount == 0)
        for hub in report.hubs.ranked {
            #expect(hub.score < 0.25, "\(hub.person) scores \(hub.score)")
            #expect(hub.n1UnfillableSlots == 0)
            #expect(hub.fatalPairs == 0)
            #expect(hub.scarceRotations.isEmpty)
        }
        let f1 = report.hubs.ranked.first { $0.person == "f1" }
        #expect(f1?.substitutesPerSlot == 5)
        #expect(f1?.sessionShare == 0.5)
        #expect(f1?.why.contains("replaceable") == true)
        let critical = report.samples().first { $0.name == "resilience_hubs_critical" }
        #expect(critical?.value == 0)
    }

    /// f1 and f2 alone may do the ICU and share it (mornings, afternoons); clinic has three.
    @Test func aRotationOnlyTwoCanDoListsBothWithItsFatalPair() throws {
        var builder = ProgramBuilder()
        builder.faculty("f1", capabilities: ["icu"])
        builder.faculty("f2", capabilities: ["icu"])
        for id in ["f3", "f4", "f5"] { builder.faculty(id, capabilities: ["clinic"]) }
        builder.rotation("icu")
        builder.rotation("clinic")
        for day in 0..<4 {
            builder.assign("f1", day: day, .am, "icu")
            builder.assign("f2", day: day, .pm, "icu")
            builder.assign("f3", day: day, .am, "clinic")
        }
        let report = evaluate(builder)
        #expect(report.contingency.n1.singlePointsOfFailure.isEmpty)
        #expect(report.contingency.n2?.fatalPairs.map(\.people) == [["f1", "f2"]])
        #expect(Array(report.hubs.ranked.prefix(2).map(\.person)) == ["f1", "f2"])
        for (person, partner) in [("f1", "f2"), ("f2", "f1")] {
            let hub = try hub(report, person)
            #expect(hub.scarceRotations == ["icu"])
            #expect(hub.onlyQualifiedRotations.isEmpty)
            #expect(hub.fatalPairs == 1)
            #expect(hub.fatalPartners == [partner])
            #expect(hub.n1UnfillableSlots == 0)
            #expect(hub.why.contains("1 fatal pair (with \(partner))"))
            #expect(hub.why.contains("train a third faculty member in icu"))
        }
        #expect(try hub(report, "f3").scarceRotations.isEmpty)
        #expect(try hub(report, "f3").fatalPairs == 0)
    }

    @Test func theScoreNeverFallsWhenARiskPartRises() {
        let steps = [0.0, 0.25, 0.5, 0.75, 1.0]
        for n1 in steps {
            for pairs in steps {
                for scarcity in steps {
                    for replacement in steps {
                        for workload in steps {
                            let base = HubScore(
                                n1Part: n1, fatalPairPart: pairs, scarcityPart: scarcity, replacementPart: replacement,
                                workloadPart: workload)
                            #expect(base.value >= 0 && base.value <= 1)
                            var raised = [base, base, base, base, base]
                            raised[0].n1Part = min(1, n1 + 0.25)
                            raised[1].fatalPairPart = min(1, pairs + 0.25)
                            raised[2].scarcityPart = min(1, scarcity + 0.25)
                            raised[3].replacementPart = min(1, replacement + 0.25)
                            raised[4].workloadPart = min(1, workload + 0.25)
                            for score in raised { #expect(score.value >= base.value) }
                        }
                    }
                }
            }
        }
    }

    @Test func rawFiguresMapMonotonicallyAndAnySinglePointOfFailureReachesTheDefaultThreshold() {
        func score(n1: Int = 0, pairs: Int = 0, scarcity: Double = 0, substitutes: Double? = 3, load: Double = 1)
            -> Double
        {
            HubScore(
                n1UnfillableSlots: n1, fatalPairs: pairs, scarcity: scarcity, substitutesPerSlot: substitutes,
                relativeLoad: load
            ).value
        }
        for value in 0..<20 {
            #expect(score(n1: value + 1) >= score(n1: value))
            #expect(score(pairs: value + 1) >= score(pairs: value))
            #expect(score(scarcity: Double(value + 1) / 2) >= score(scarcity: Double(value) / 2))
            #expect(score(substitutes: Double(value)) >= score(substitutes: Double(value + 1)))
            #expect(score(load: Double(value + 1) / 4) >= score(load: Double(value) / 4))
        }
        #expect(score(n1: 1, substitutes: nil, load: 0) >= 0.5)
        #expect(score() < 0.2)
        #expect(score(substitutes: nil, load: 0) == 0)
    }

    /// Fourteen faculty, each alone qualified for their own rotation and covering a different number
    /// of mornings, except f03, f13 and f14, who tie (three mornings each).
    private func fourteenSpecialists() -> ProgramBuilder {
        var builder = ProgramBuilder()
        for number in 1...14 {
            let id = number < 10 ? "f0\(number)" : "f\(number)"
            builder.faculty(id, capabilities: ["r\(number)"])
            builder.rotation("r\(number)")
            for day in 0..<(number <= 12 ? number : 3) { builder.assign(id, day: day, .am, "r\(number)") }
        }
        return builder
    }

    @Test func theRankingIsByScoreThenIdAndMetricsAndReportShowTheTopTen() throws {
        let report = evaluate(fourteenSpecialists(), days: 14)
        let ranked = report.hubs.ranked
        #expect(ranked.count == 14)
        for (higher, lower) in zip(ranked, ranked.dropFirst()) {
            #expect(higher.score > lower.score || (higher.score == lower.score && higher.person < lower.person))
        }
        #expect(ranked.first?.person == "f12")
        let tied = ranked.filter { ["f03", "f13", "f14"].contains($0.person) }
        #expect(tied.map(\.person) == ["f03", "f13", "f14"])
        #expect(Set(tied.map(\.score)).count == 1)

        let scores = report.samples().filter { $0.name == "resilience_hub_score" }
        #expect(scores.count == 10)
        #expect(scores.map { $0.labels.first { $0.name == "person" }?.value } == ranked.prefix(10).map(\.person))
        #expect(scores.map(\.value) == ranked.prefix(10).map(\.score))
        #expect(report.samples().first { $0.name == "resilience_hubs_critical" }?.value == 14)

        let json = try JSONParser.parse(Array(report.json().utf8))
        #expect(json["hubs"]?.elements?.count == 10)
        #expect(json["hubs"]?.elements?.first?["person"]?.string == "f12")
    }

    @Test func theThresholdDecidesWhoIsCritical() {
        var settings = ResilienceSettings.standard
        settings.hubs.criticalThreshold = 1
        let strict = evaluate(onlyQualifiedProgram(), settings: settings)
        #expect(strict.hubs.criticalCount == 0)
        settings.hubs.criticalThreshold = 0.01
        let loose = evaluate(onlyQualifiedProgram(), settings: settings)
        #expect(loose.hubs.criticalCount == loose.hubs.ranked.filter { $0.score > 0.01 }.count)
        #expect(loose.hubs.criticalCount > 1)
    }

    @Test func theSeedFormulaIsReportedBeside() throws {
        let report = evaluate(onlyQualifiedProgram())
        let f1 = try hub(report, "f1")
        // services 1 of 2 rotations, unique 1 of 2, no substitute (difficulty 1), 5 of 10 sessions.
        #expect(abs(f1.seedScore - (0.3 * 0.5 + 0.3 * 0.5 + 0.2 * 1 + 0.2 * 0.5)) < 1e-12)
        let idle = try hub(report, "f4")
        #expect(idle.seedScore == 0)
        #expect(idle.score == 0)
        #expect(idle.why.contains("covers no slot"))
    }

    @Test func jsonHubsCarryTheContractKeys() throws {
        let report = evaluate(onlyQualifiedProgram())
        let json = try JSONParser.parse(Array(report.json().utf8))
        let first = try #require(json["hubs"]?.elements?.first)
        #expect(first["person"]?.string == "f1")
        let score = try #require(first["score"]?.number)
        #expect(abs(score - (report.hubs.ranked.first?.score ?? 0)) < 1e-5)
        #expect(first["seed_score"]?.number != nil)
        #expect(first["n1_unfillable_slots"]?.integer == 5)
        #expect(first["fatal_pairs"]?.integer == 0)
        #expect(first["scarce_rotations"]?.elements?.map(\.string) == ["ward"])
        #expect(first["session_share"]?.number == 0.5)
        #expect(first["substitutes_per_slot"]?.number == 0)
        #expect(first["why"]?.string?.isEmpty == false)
        for key in ["n1", "fatal_pairs", "scarcity", "replacement", "workload"] {
            #expect(first["parts"]?[key]?.number != nil, "missing parts.\(key)")
        }
        #expect(json["hubs_summary"]?["critical"]?.integer == 1)
        #expect(json["hubs_summary"]?["critical_threshold"]?.number == 0.5)
        #expect(json["hubs_summary"]?["formula"]?.string?.contains("1 - (1 - N)") == true)
        #expect(report.text().contains("Hubs          1 above 0.5"))
    }
}
