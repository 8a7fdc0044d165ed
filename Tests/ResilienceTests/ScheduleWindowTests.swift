import Resilience
import Schedule
import Testing

@Suite struct ScheduleWindowTests {
    @Test func containsItsDaysAndNotTheEnd() throws {
        let from = try #require(Day(iso: "2026-09-14"))
        let window = ScheduleWindow(from: from, days: 28)
        #expect(window.contains(from))
        #expect(window.contains(from.advanced(by: 27)))
        #expect(!window.contains(window.end))
        #expect(window.offset(of: from.advanced(by: 3)) == 3)
        #expect(window.offset(of: from.advanced(by: -1)) == nil)
    }
}
