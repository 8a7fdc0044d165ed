import Resilience
import Schedule
import Testing

/// The forecast: each coming day measured from the schedule and its absences, banded, counted.
@Suite struct ForecastTests {
    /// Four faculty staff a ward needing two every half-day for four weeks: f1 and f2 in the
    /// morning, f3 and f4 in the afternoon. Required 4 of 8 sessions a day (50%, GREEN).
    private func wardProgram() -> ProgramBuilder {
        var builder = ProgramBuilder()
        for id in ["f1", "f2", "f3", "f4"] { builder.faculty(id) }
        builder.rotation("ward", minFaculty: 2)
        for day in 0..<28 {
            builder.assign("f1", day: day, .am, "ward")
            builder.assign("f2", day: day, .am, "ward")
            builder.assign("f3", day: day, .pm, "ward")
            builder.assign("f4", day: day, .pm, "ward")
        }
        return builder
    }

    private func evaluate(_ builder: ProgramBuilder, settings: ResilienceSettings = .standard) -> ResilienceReport {
        ResilienceEngine(settings: settings).evaluate(program: builder.program, window: builder.window(days: 7))
    }

    @Test func aDeploymentBlockShowsExactlyItsDaysAtBlackAndTheFirstOfThemAsTheFirstRedDay() throws {
        var builder = wardProgram()
        builder.absent("f3", from: 10, to: 14, kind: .deployment)
        builder.absent("f4", from: 10, to: 14, kind: .deployment)
        let forecast = evaluate(builder).forecast
        #expect(forecast.knownDays == 28)
        for day in forecast.days {
            let offset = builder.start.distance(to: day.day)
            if (10...14).contains(offset) {
                // 4 required of the 4 sessions f1 and f2 can give; the afternoon slot has nobody.
                #expect(day.level == .black, "day \(offset)")
                #expect(day.utilization.required == 4)
                #expect(day.utilization.capacity == 4)
                #expect(day.gapSlots == 1)
                #expect(day.onLeave == ["f3", "f4"])
            } else {
                #expect(day.level == .green, "day \(offset)")
                #expect(day.utilization.rate == 0.5)
                #expect(day.gapSlots == 0)
                #expect(day.onLeave.isEmpty)
            }
        }
        #expect(forecast.daysPerLevel == [.green: 23, .yellow: 0, .orange: 0, .red: 0, .black: 5])
        #expect(forecast.redOrWorseDays == 5)
        let first = try #require(forecast.firstRedDay)
        #expect(first.day == builder.start.advanced(by: 10))
        #expect(forecast.firstRedDaySeconds == Double(builder.start.advanced(by: 10).ordinal) * 86_400)
        #expect(forecast.summary.hasPrefix("5 days at RED or worse; the first is 2026-09-24 (BLACK"))
    }

    @Test func oneOfFourAwayForAFewDaysIsRedNotBlack() throws {
        // Five faculty, nine of ten sessions required a day: 90% is RED; with f5 away, 9 of 8 is BLACK.
        var builder = ProgramBuilder()
        for id in ["f1", "f2", "f3", "f4", "f5"] { builder.faculty(id) }
        builder.rotation("ward", minFaculty: 4)
        builder.rotation("clinic", minFaculty: 5)
        for day in 0..<14 {
            for id in ["f1", "f2", "f3", "f4"] { builder.assign(id, day: day, .am, "ward") }
            for id in ["f1", "f2", "f3", "f4", "f5"] { builder.assign(id, day: day, .pm, "clinic") }
        }
        builder.absent("f5", from: 3, to: 4)
        let forecast = evaluate(builder).forecast
        #expect(forecast.daysPerLevel[.red] == 12)
        #expect(forecast.daysPerLevel[.black] == 2)
        #expect(forecast.firstRedDay?.day == builder.start)
        #expect(forecast.days[3].level == .black)
        #expect(forecast.days[3].gapSlots == 1)
    }

    @Test func aQuietProgramHasNoRedDayAndNoFirstRedSample() {
        let report = evaluate(wardProgram())
        #expect(report.forecast.redOrWorseDays == 0)
        #expect(report.forecast.firstRedDay == nil)
        let samples = report.samples()
        #expect(!samples.contains { $0.name == "resilience_forecast_first_red_day_seconds" })
        let green = samples.first {
            $0.name == "resilience_forecast_days" && $0.labels.contains { $0.name == "level" && $0.value == "green" }
        }
        #expect(green?.value == 28)
        #expect(report.forecast.summary.contains("No day at RED or worse"))
    }

    @Test func daysBeyondTheSchedulesAssignmentsAreNotForecastAndTheReachIsSaid() {
        let forecast = evaluate(wardProgram()).forecast
        #expect(forecast.horizon.days == 90)
        #expect(forecast.knownDays == 28)
        #expect(forecast.dataThrough == ProgramBuilder().start.advanced(by: 27))
        #expect(forecast.daysPerLevel.values.reduce(0, +) == 28)
        #expect(forecast.summary.contains("The schedule's data reaches 2026-10-11: 28 of 90 days forecast."))
    }

    @Test func theHorizonSettingBoundsTheForecast() {
        var settings = ResilienceSettings.standard
        settings.forecast = ForecastSettings(horizonDays: 10)
        let forecast = evaluate(wardProgram(), settings: settings).forecast
        #expect(forecast.horizon.days == 10)
        #expect(forecast.knownDays == 10)
        #expect(forecast.days.last?.day == ProgramBuilder().start.advanced(by: 9))
    }

    @Test func eachDayIsTheEnginesUtilizationOfAOneDayWindow() {
        // Weekly caps and a part-week absence: the per-day figures must equal a one-day window's.
        var builder = ProgramBuilder()
        builder.faculty("f1", cap: 3)
        builder.faculty("f2", cap: 6)
        builder.faculty("f3")
        builder.rotation("clinic")
        for day in 0..<14 {
            builder.assign(["f1", "f2", "f3"][day % 3], day: day, .am, "clinic")
            if day % 3 == 1 { builder.assign("f3", day: day, .am, "clinic") }
            if day % 2 == 0 { builder.assign("f2", day: day, .pm, "clinic") }
        }
        builder.absent("f3", from: 2, to: 8)
        let forecast = evaluate(builder).forecast
        #expect(forecast.days.count == 14)
        for day in forecast.days {
            let oneDay = WindowIndex(program: builder.program, window: ScheduleWindow(from: day.day, days: 1))
            #expect(day.utilization == Utilization(index: oneDay), "\(day.day)")
            #expect(day.gapSlots == Coverage(index: oneDay).gapSlots, "\(day.day)")
            #expect(day.onLeave.count == FacultyAvailability(index: oneDay).onLeave, "\(day.day)")
        }
    }

    @Test func theForecastReachesTheReportJSONTextAndMetrics() throws {
        var builder = wardProgram()
        builder.absent("f3", from: 10, to: 14, kind: .deployment)
        builder.absent("f4", from: 10, to: 14, kind: .deployment)
        let report = evaluate(builder)
        let json = try JSONParser.parse(Array(report.json().utf8))
        let forecast = try #require(json["forecast"])
        #expect(forecast["first_red_day"]?.string == "2026-09-24")
        #expect(forecast["known_days"]?.integer == 28)
        #expect(forecast["data_through"]?.string == "2026-10-11")
        #expect(forecast["days_per_level"]?["black"]?.integer == 5)
        #expect(forecast["days"]?.elements?.count == 28)
        #expect(
            report.text().contains(
                "Forecast      90 days from 2026-09-14: 23 GREEN, 0 YELLOW, 0 ORANGE, 0 RED, 5 BLACK"))
        let samples = report.samples()
        for level in ["green", "yellow", "orange", "red", "black"] {
            #expect(
                samples.contains {
                    $0.name == "resilience_forecast_days"
                        && $0.labels.contains { $0.name == "level" && $0.value == level }
                },
                "missing \(level)")
        }
        let first = samples.first { $0.name == "resilience_forecast_first_red_day_seconds" }
        #expect(first?.value == 1_790_208_000)  // 2026-09-24T00:00:00Z
    }
}
