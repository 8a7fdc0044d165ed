import Schedule
import Testing

@Suite struct DayTests {
    @Test func parsesAndPrintsISODates() throws {
        let day = try #require(Day(iso: "2026-07-01"))
        #expect(day.description == "2026-07-01")
        #expect(day.isoWeekday == 3)
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(Day(iso: "2028-02-29") != nil)
    }

    @Test func refusesMalformedOrImpossibleDates() {
        for text in ["2026-02-30", "2026-13-01", "2026-7-01", "26-07-01", "2026/07/01", "2026-07-01T00:00", ""] {
            #expect(Day(iso: text) == nil, "\(text)")
        }
    }

    @Test func computesISOWeeksAcrossYearBoundaries() throws {
        // 2026-12-31 is a Thursday in 2026-W53; 2027-01-01 is a Friday in the same week.
        #expect(try #require(Day(iso: "2026-12-31")).isoWeek == ISOWeek(year: 2026, week: 53))
        #expect(try #require(Day(iso: "2027-01-03")).isoWeek == ISOWeek(year: 2026, week: 53))
        #expect(try #require(Day(iso: "2027-01-04")).isoWeek == ISOWeek(year: 2027, week: 1))
        // 2024-12-30 (Monday) belongs to 2025-W01.
        #expect(try #require(Day(iso: "2024-12-30")).isoWeek == ISOWeek(year: 2025, week: 1))
        #expect(try #require(Day(iso: "2026-07-01")).isoWeek == ISOWeek(year: 2026, week: 27))
    }

    @Test func roundTripsEveryDayOfSeveralCenturies() {
        for ordinal in stride(from: -200_000, through: 200_000, by: 1) {
            let day = Day(ordinal: ordinal)
            let (year, month, dayOfMonth) = day.components
            #expect(Day(year: year, month: month, day: dayOfMonth) == day)
            if ordinal % 9973 == 0 { #expect(Day(iso: day.description) == day || year < 0 || year > 9999) }
        }
    }
}
