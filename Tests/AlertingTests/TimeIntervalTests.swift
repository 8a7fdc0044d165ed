import Alerting
import Foundation
import Testing
import VigilCore

/// An instant written as Go's RFC822Z (`"02 Jan 06 15:04 +0000"`), and the fixed-offset zone it was
/// written in: Alertmanager judges an interval without a location in the instant's own zone, so
/// these tests pass that zone as the default.
private func rfc822(_ text: String) throws -> (instant: Date, zone: TimeZone) {
    let fields = text.split(separator: " ").map(String.init)
    try #require(fields.count == 5, "not RFC822Z: \(text)")
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    let month = try #require(months.firstIndex(of: fields[1])) + 1
    let shortYear = try #require(Int(fields[2]))
    let clock = fields[3].split(separator: ":").compactMap { Int($0) }
    let offset = try #require(Int(fields[4]))
    let zone = try #require(TimeZone(secondsFromGMT: (offset / 100 * 60 + offset % 100) * 60))
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let components = DateComponents(
        year: shortYear < 69 ? 2000 + shortYear : 1900 + shortYear, month: month, day: Int(fields[0]),
        hour: clock[0], minute: clock[1])
    return (try #require(calendar.date(from: components)), zone)
}

/// An ISO 8601 instant such as `2024-03-11T05:00:00Z`.
private func iso(_ text: String) throws -> Date {
    try Date(text, strategy: .iso8601)
}

/// Alerting's interval; Foundation's `TimeInterval` (seconds) has the same name.
private typealias Interval = Alerting.TimeIntervalSpec

private let utc = TimeZone(secondsFromGMT: 0)!
private let chicago = TimeZone(identifier: "America/Chicago")!

/// Reads `yaml` (as file `test.yml`) with `body` applied to the root, returning the result and every
/// problem reported, in document order.
private func read<T>(_ yaml: String, _ body: (YAMLValue) -> T?) throws -> (T?, [YAMLError]) {
    let diagnostics = YAMLDiagnostics()
    let document = try YAMLDocument.parse(yaml: yaml, file: "test.yml")
    let result = body(document.root(reportingTo: diagnostics))
    return (result, diagnostics.sortedErrors)
}

/// Reads a YAML list of intervals, as Alertmanager's tests unmarshal `[]Interval`.
private func readIntervals(_ yaml: String) throws -> ([Interval]?, [YAMLError]) {
    try read(yaml) { $0.sequence(TimeIntervalReader.readInterval) }
}

private struct ContainmentCase: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var interval: Interval
    var inside: [String]
    var outside: [String]
}

private struct UnmarshalCase: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var yaml: String
    var intervals: [Interval]
    var inside: [String] = []
    var outside: [String] = []
}

private struct UnmarshalFailure: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var yaml: String
    var message: String
}

private struct TimeStringCase: Sendable, CustomTestStringConvertible {
    var testDescription: String { yaml }
    var yaml: String
    /// The range read, or the message of the problem reported.
    var expected: Result<TimeRange, TimeIntervalParseError>
}

/// Alertmanager 0.25's `timeinterval/timeinterval_test.go`, every table, then Vigil's own cases.
@Suite struct TimeIntervalTests {
    // MARK: TestContainsTime

    private static let containmentCases: [ContainmentCase] = [
        ContainmentCase(
            testDescription: "empty interval", interval: Interval(),
            inside: ["02 Jan 06 15:04 +0000", "03 Jan 07 10:04 +0000", "04 Jan 06 09:04 +0000"], outside: []),
        ContainmentCase(
            testDescription: "9am to 5pm, monday to friday",
            interval: Interval(
                times: [TimeRange(startMinute: 540, endMinute: 1020)], weekdays: [InclusiveRange(1, 5)]),
            inside: ["04 May 20 15:04 +0000", "05 May 20 10:04 +0000", "09 Jun 20 09:04 +0000"],
            outside: ["03 May 20 15:04 +0000", "04 May 20 08:59 +0000", "05 May 20 05:00 +0000"]),
        ContainmentCase(
            testDescription: "Easter 2020",
            interval: Interval(
                daysOfMonth: [InclusiveRange(4, 6)], months: [InclusiveRange(4)], years: [InclusiveRange(2020)]),
            inside: ["04 Apr 20 15:04 +0000", "05 Apr 20 00:00 +0000", "06 Apr 20 23:05 +0000"],
            outside: [
                "03 May 18 15:04 +0000", "03 Apr 20 23:59 +0000", "04 Jun 20 23:59 +0000", "06 Apr 19 23:59 +0000",
                "07 Apr 20 00:00 +0000",
            ]),
        ContainmentCase(
            testDescription: "negative days of month, last 3 days of each month",
            interval: Interval(daysOfMonth: [InclusiveRange(-3, -1)]),
            inside: [
                "31 Jan 20 15:04 +0000", "30 Jan 20 15:04 +0000", "29 Jan 20 15:04 +0000", "30 Jun 20 00:00 +0000",
                "29 Feb 20 23:05 +0000",
            ],
            outside: [
                "03 May 18 15:04 +0000", "27 Jan 20 15:04 +0000", "03 Apr 20 23:59 +0000", "04 Jun 20 23:59 +0000",
                "06 Apr 19 23:59 +0000", "07 Apr 20 00:00 +0000", "01 Mar 20 00:00 +0000",
            ]),
        ContainmentCase(
            testDescription: "out of bound days are clamped to month boundaries",
            interval: Interval(daysOfMonth: [InclusiveRange(-31, 31)], months: [InclusiveRange(6)]),
            inside: ["30 Jun 20 00:00 +0000", "01 Jun 20 00:00 +0000"],
            outside: ["31 May 20 00:00 +0000", "1 Jul 20 00:00 +0000"]),
        ContainmentCase(
            testDescription: "AEST 9AM to 5PM, monday to friday",
            interval: Interval(
                times: [TimeRange(startMinute: 540, endMinute: 1020)], weekdays: [InclusiveRange(1, 5)],
                location: "Australia/Sydney"),
            inside: ["06 Apr 21 13:00 +1000"], outside: ["06 Apr 21 13:00 +0000"]),
        ContainmentCase(
            testDescription: "Australia/Sydney during daylight saving time",
            interval: Interval(
                times: [TimeRange(startMinute: 540, endMinute: 1020)], weekdays: [InclusiveRange(1, 5)],
                months: [InclusiveRange(11)], location: "Australia/Sydney"),
            inside: ["01 Nov 21 09:00 +1100", "31 Oct 21 22:00 +0000"], outside: ["31 Oct 21 21:00 +0000"]),
        // Added upstream after 0.25 (#5447); 0.25 itself resolved -1 to the 30th in spring-forward months.
        ContainmentCase(
            testDescription: "last-day mutes do not shift in spring-forward months",
            interval: Interval(daysOfMonth: [InclusiveRange(-1)], location: "America/New_York"),
            inside: ["31 Mar 21 12:00 -0400"], outside: ["30 Mar 21 12:00 -0400"]),
    ]

    @Test(arguments: containmentCases)
    fileprivate func containsExactlyTheInstantsAlertmanagerDoes(_ testCase: ContainmentCase) throws {
        for text in testCase.inside {
            let (instant, zone) = try rfc822(text)
            #expect(testCase.interval.contains(instant, defaultZone: zone), "should contain \(text)")
        }
        for text in testCase.outside {
            let (instant, zone) = try rfc822(text)
            #expect(!testCase.interval.contains(instant, defaultZone: zone), "should not contain \(text)")
        }
    }

    // MARK: TestParseTimeString

    private static let timeStringCases: [TimeStringCase] = [
        TimeStringCase(
            yaml: "{'start_time': '00:00', 'end_time': '24:00'}",
            expected: .success(TimeRange(startMinute: 0, endMinute: 1440))),
        TimeStringCase(
            yaml: "{'start_time': '01:35', 'end_time': '17:39'}",
            expected: .success(TimeRange(startMinute: 95, endMinute: 1059))),
        TimeStringCase(
            yaml: "{'start_time': '09:35', 'end_time': '09:39'}",
            expected: .success(TimeRange(startMinute: 575, endMinute: 579))),
        // Begin and end times are the same.
        TimeStringCase(
            yaml: "{'start_time': '17:31', 'end_time': '17:31'}",
            expected: .failure(.init(text: "", message: "start time cannot be equal or greater than end time"))),
        // End time out of range.
        TimeStringCase(
            yaml: "{'start_time': '12:30', 'end_time': '24:01'}",
            expected: .failure(.init(text: "", message: "couldn't parse timestamp 24:01, invalid format"))),
        // Start time greater than end time.
        TimeStringCase(
            yaml: "{'start_time': '09:30', 'end_time': '07:41'}",
            expected: .failure(.init(text: "", message: "start time cannot be equal or greater than end time"))),
        // Start time out of range and greater than end time.
        TimeStringCase(
            yaml: "{'start_time': '24:00', 'end_time': '17:41'}",
            expected: .failure(.init(text: "", message: "start time cannot be equal or greater than end time"))),
        // No range specified.
        TimeStringCase(
            yaml: "{'start_time': '14:03'}",
            expected: .failure(.init(text: "", message: "both start and end times must be provided"))),
    ]

    @Test(arguments: timeStringCases)
    fileprivate func readsTimeRangesAsAlertmanagerDoes(_ testCase: TimeStringCase) throws {
        let (interval, errors) = try read("times: [\(testCase.yaml)]", TimeIntervalReader.readInterval)
        switch testCase.expected {
        case .success(let range):
            #expect(errors.isEmpty)
            #expect(interval?.times == [range])
        case .failure(let failure):
            #expect(interval == nil)
            #expect(errors.map(\.message) == [failure.message])
        }
    }

    @Test func timeOfDaySyntaxIsTwoDigitHoursAndMinutes() throws {
        #expect(try TimeRange.minuteOfDay("00:00") == 0)
        #expect(try TimeRange.minuteOfDay("23:59") == 1439)
        #expect(try TimeRange.minuteOfDay("24:00") == 1440)
        for bad in ["9:00", "09:0", "24:01", "25:00", "01:99", "01:60", "0900", "09:00 ", "+9:00", "", "٠٩:٠٠"] {
            #expect(throws: TimeIntervalParseError.self, "\(bad) should be rejected") {
                try TimeRange.minuteOfDay(bad)
            }
        }
    }

    // MARK: TestYamlUnmarshal

    private static let unmarshalCases: [UnmarshalCase] = [
        UnmarshalCase(
            testDescription: "simple business hours",
            yaml: """
                ---
                - weekdays: ['monday:friday']
                  times:
                    - start_time: '09:00'
                      end_time: '17:00'

                """,
            intervals: [
                Interval(times: [TimeRange(startMinute: 540, endMinute: 1020)], weekdays: [InclusiveRange(1, 5)])
            ],
            inside: ["08 Jul 20 09:00 +0000", "08 Jul 20 16:59 +0000"],
            outside: ["08 Jul 20 05:00 +0000", "08 Jul 20 08:59 +0000"]),
        UnmarshalCase(
            testDescription: "negative indices and ranges",
            yaml: """
                ---
                  # Last week, excluding Saturday, of the first quarter of the year during business hours from 2020 to 2025 and 2030-2035
                - weekdays: ['monday:friday', 'sunday']
                  months: ['january:march']
                  days_of_month: ['-7:-1']
                  years: ['2020:2025', '2030:2035']
                  times:
                    - start_time: '09:00'
                      end_time: '17:00'

                """,
            intervals: [
                Interval(
                    times: [TimeRange(startMinute: 540, endMinute: 1020)],
                    weekdays: [InclusiveRange(1, 5), InclusiveRange(0)], daysOfMonth: [InclusiveRange(-7, -1)],
                    months: [InclusiveRange(1, 3)], years: [InclusiveRange(2020, 2025), InclusiveRange(2030, 2035)])
            ],
            inside: [
                "27 Jan 21 09:00 +0000", "28 Jan 21 16:59 +0000", "29 Jan 21 13:00 +0000", "31 Mar 25 13:00 +0000",
                "31 Mar 25 13:00 +0000", "31 Jan 35 13:00 +0000",
            ],
            outside: [
                "30 Jan 21 13:00 +0000",  // Saturday
                "01 Apr 21 13:00 +0000",  // 4th month
                "30 Jan 26 13:00 +0000",  // 2026
                "31 Jan 35 17:01 +0000",  // After 5pm
            ]),
        UnmarshalCase(
            testDescription: "no trailing line end",
            yaml: """
                ---
                - weekdays: ['monday:friday']
                  times:
                    - start_time: '09:00'
                      end_time: '17:00'
                """,
            intervals: [
                Interval(times: [TimeRange(startMinute: 540, endMinute: 1020)], weekdays: [InclusiveRange(1, 5)])
            ],
            inside: ["01 Apr 21 13:00 +0000"]),
        UnmarshalCase(
            testDescription: "negative indices should work",
            yaml: "---\n- days_of_month: ['1:-1']\n", intervals: [Interval(daysOfMonth: [InclusiveRange(1, -1)])]),
        UnmarshalCase(
            testDescription: "months regardless of case",
            yaml: "---\n- months: ['January:december']\n", intervals: [Interval(months: [InclusiveRange(1, 12)])]),
        UnmarshalCase(
            testDescription: "time zones may be specified by location",
            yaml: "---\n- years: ['2020:2022']\n  location: 'Australia/Sydney'\n",
            intervals: [Interval(years: [InclusiveRange(2020, 2022)], location: "Australia/Sydney")]),
    ]

    @Test(arguments: unmarshalCases)
    fileprivate func readsAlertmanagersValidIntervals(_ testCase: UnmarshalCase) throws {
        let (intervals, errors) = try readIntervals(testCase.yaml)
        #expect(errors.isEmpty)
        #expect(intervals == testCase.intervals)
        let named = NamedTimeInterval(name: "test", intervals: intervals ?? [])
        for text in testCase.inside {
            let (instant, zone) = try rfc822(text)
            #expect(named.contains(instant, defaultZone: zone), "should contain \(text)")
        }
        for text in testCase.outside {
            let (instant, zone) = try rfc822(text)
            #expect(!named.contains(instant, defaultZone: zone), "should not contain \(text)")
        }
    }

    private static let unmarshalFailures: [UnmarshalFailure] = [
        UnmarshalFailure(
            testDescription: "invalid start time",
            yaml: "---\n- times:\n    - start_time: '01:99'\n      end_time: '23:59'",
            message: "couldn't parse timestamp 01:99, invalid format"),
        UnmarshalFailure(
            testDescription: "invalid end time",
            yaml: "---\n- times:\n    - start_time: '00:00'\n      end_time: '99:99'",
            message: "couldn't parse timestamp 99:99, invalid format"),
        // Alertmanager words this one "start day cannot be before end day".
        UnmarshalFailure(
            testDescription: "start day after end day", yaml: "---\n- weekdays: ['friday:monday']",
            message: "start day cannot be after end day"),
        UnmarshalFailure(
            testDescription: "invalid weekdays", yaml: "---\n- weekdays: ['blurgsday:flurgsday']\n",
            message: "blurgsday is not a valid weekday"),
        UnmarshalFailure(
            testDescription: "numeric weekdays aren't allowed", yaml: "---\n- weekdays: ['1:3']\n",
            message: "1 is not a valid weekday"),
        UnmarshalFailure(
            testDescription: "negative numeric weekdays aren't allowed", yaml: "---\n- weekdays: ['-2:-1']\n",
            message: "-2 is not a valid weekday"),
        UnmarshalFailure(
            testDescription: "0 day of month", yaml: "---\n- days_of_month: ['0']\n",
            message: "0 is not a valid day of the month: out of range"),
        UnmarshalFailure(
            testDescription: "start day of month < -31", yaml: "---\n- days_of_month: ['-50:-20']\n",
            message: "-50 is not a valid day of the month: out of range"),
        UnmarshalFailure(
            testDescription: "end day of month > 31", yaml: "---\n- days_of_month: ['1:50']\n",
            message: "50 is not a valid day of the month: out of range"),
        UnmarshalFailure(
            testDescription: "end day must be negative if begin day is negative",
            yaml: "---\n- days_of_month: ['-15:5']\n", message: "end day must be negative if start day is negative"),
        UnmarshalFailure(
            testDescription: "negative end date before positive start date", yaml: "---\n- days_of_month: ['10:-25']\n",
            message: "end day -25 is always before start day 10"),
        UnmarshalFailure(
            testDescription: "invalid start month", yaml: "---\n- months: ['martius:june']\n",
            message: "martius is not a valid month"),
        UnmarshalFailure(
            testDescription: "invalid end month", yaml: "---\n- months: ['march:junius']\n",
            message: "junius is not a valid month"),
        UnmarshalFailure(
            testDescription: "start month after end month", yaml: "---\n- months: ['december:january']\n",
            message: "end month january is before start month december"),
        UnmarshalFailure(
            testDescription: "start year after end year", yaml: "---\n- years: ['2022:2020']\n",
            message: "end year 2020 is before start year 2022"),
        // Beyond timeinterval_test.go: amtool check-config's wording where it has one.
        UnmarshalFailure(
            testDescription: "too many colons", yaml: "- days_of_month: ['1:2:3']",
            message: "couldn't parse range 1:2:3, invalid format"),
        UnmarshalFailure(
            testDescription: "names are lowercased in messages", yaml: "- weekdays: ['Blurgsday']",
            message: "blurgsday is not a valid weekday"),
        UnmarshalFailure(
            testDescription: "blanks are not trimmed", yaml: "- weekdays: [' monday']",
            message: " monday is not a valid weekday"),
        UnmarshalFailure(
            testDescription: "non-numeric day", yaml: "- days_of_month: ['1:']",
            message: " is not a valid day of the month"),
        UnmarshalFailure(
            testDescription: "non-numeric year", yaml: "- years: ['x']", message: "x is not a valid year"),
        UnmarshalFailure(
            testDescription: "unknown location", yaml: "- location: 'Foo/Bar'", message: "unknown time zone Foo/Bar"),
        UnmarshalFailure(
            testDescription: "zone names are case-sensitive", yaml: "- location: 'utc'",
            message: "unknown time zone utc"),
        UnmarshalFailure(
            testDescription: "offsets are not zone names", yaml: "- location: 'GMT+1'",
            message: "unknown time zone GMT+1"),
        UnmarshalFailure(
            testDescription: "hours need two digits", yaml: "- times: [{start_time: '9:00', end_time: '17:00'}]",
            message: "couldn't parse timestamp 9:00, invalid format"),
        UnmarshalFailure(
            testDescription: "an unquoted number is still checked as a time",
            yaml: "- times: [{start_time: 1000, end_time: '24:00'}]",
            message: "couldn't parse timestamp 1000, invalid format"),
        // Stricter than Alertmanager 0.25, which accepts months that never match.
        UnmarshalFailure(
            testDescription: "month 13", yaml: "- months: ['13']", message: "13 is not a valid month: out of range"),
        UnmarshalFailure(
            testDescription: "month 0", yaml: "- months: ['0:3']", message: "0 is not a valid month: out of range"),
        // Alertmanager reads an empty list as "matches nothing"; Vigil asks for the key to be left out.
        UnmarshalFailure(
            testDescription: "empty weekdays list", yaml: "- weekdays: []",
            message:
                "an empty weekdays list matches no weekday at all (Alertmanager never applies such an interval); "
                + "leave weekdays out to match any weekday"),
    ]

    @Test(arguments: unmarshalFailures)
    fileprivate func rejectsAlertmanagersInvalidIntervalsWithItsWording(_ testCase: UnmarshalFailure) throws {
        let (intervals, errors) = try readIntervals(testCase.yaml)
        #expect(intervals == [])
        #expect(errors.map(\.message) == [testCase.message])
    }

    // MARK: TestTimeIntervalComplete

    @Test func aCompleteIntervalContainsWhatAlertmanagerSays() throws {
        let yaml = """
            ---
            weekdays: ['monday:wednesday', 'saturday', 'sunday']
            times:
              - start_time: '13:00'
                end_time: '15:00'
            days_of_month: ['1', '10', '20:-1']
            years: ['2020:2023']
            months: ['january:march']
            """
        let (read, errors) = try read(yaml, TimeIntervalReader.readInterval)
        #expect(errors.isEmpty)
        let interval = try #require(read)
        for text in ["10 Jan 21 13:00 +0000", "30 Jan 21 14:24 +0000"] {
            #expect(interval.contains(try rfc822(text).instant, defaultZone: utc), "should contain \(text)")
        }
        for text in ["09 Jan 21 13:00 +0000", "20 Jan 21 12:59 +0000", "02 Feb 21 13:00 +0000"] {
            #expect(!interval.contains(try rfc822(text).instant, defaultZone: utc), "should not contain \(text)")
        }
    }

    @Test func aStartPastTheEndOfTheMonthIsNotClampedIntoIt() throws {
        let yaml = "days_of_month: ['30:31']\nyears: ['2020:2023']\nmonths: ['february']"
        let (read, errors) = try read(yaml, TimeIntervalReader.readInterval)
        #expect(errors.isEmpty)
        let interval = try #require(read)
        #expect(!interval.contains(try rfc822("28 Feb 21 13:00 +0000").instant, defaultZone: utc))
    }

    // MARK: Positions and named intervals

    @Test func problemsAreReportedAtTheOffendingScalarWithTheirKeyPath() throws {
        let yaml = """
            time_intervals:
              - name: business_hours
                time_intervals:
                  - times:
                      - start_time: '17:00'
                        end_time: '09:00'
                    weekdays: ['monday:friday', 'friday:monday']
                    location: Mars/Olympus_Mons
                    month: ['may']
            """
        let (named, errors) = try read(yaml) { root in
            root.mapping { $0.sequence("time_intervals", TimeIntervalReader.readNamed) }
        }
        #expect(named == [])
        #expect(
            errors.map(\.description) == [
                "test.yml:6:23: time_intervals[0].time_intervals[0].times[0].end_time: "
                    + "start time cannot be equal or greater than end time",
                "test.yml:7:37: time_intervals[0].time_intervals[0].weekdays[1]: start day cannot be after end day",
                "test.yml:8:19: time_intervals[0].time_intervals[0].location: unknown time zone Mars/Olympus_Mons",
                "test.yml:9:9: time_intervals[0].time_intervals[0].month: unknown key \"month\"; did you mean \"months\"?",
            ])
    }

    @Test func readsNamedIntervals() throws {
        let yaml = """
            - name: weekends
              time_intervals:
                - weekdays: ['saturday', 'sunday']
                - days_of_month: ['-1']
                  location: America/Chicago
            - name: never
            """
        let (named, errors) = try read(yaml) { $0.sequence(TimeIntervalReader.readNamed) }
        #expect(errors.isEmpty)
        let expected = [
            NamedTimeInterval(
                name: "weekends",
                intervals: [
                    Interval(weekdays: [InclusiveRange(6), InclusiveRange(0)]),
                    Interval(daysOfMonth: [InclusiveRange(-1)], location: "America/Chicago"),
                ]),
            NamedTimeInterval(name: "never", intervals: []),
        ]
        #expect(named == expected)
    }

    @Test func aNamedIntervalNeedsAName() throws {
        let yaml = """
            - time_intervals: []
            - name: ''
              time_intervals: []
            - name: ok
              time_intervals: []
            """
        let (named, errors) = try read(yaml) { $0.sequence(TimeIntervalReader.readNamed) }
        #expect(named?.map(\.name) == ["ok"])
        #expect(
            errors.map(\.description) == [
                "test.yml:1:3: [0]: missing name in time interval",
                "test.yml:2:9: [1].name: missing name in time interval",
            ])
    }

    @Test func wrongShapesAreReportedOnce() throws {
        let yaml = """
            - weekdays: monday
              times: [{start_time: [9], end_time: '10:00'}, {end_time: '10:00'}]
              years: [[2020]]
            """
        let (intervals, errors) = try readIntervals(yaml)
        #expect(intervals == [])
        #expect(
            errors.map(\.description) == [
                "test.yml:1:13: [0].weekdays: expected a list, got \"monday\"",
                "test.yml:2:24: [0].times[0].start_time: expected a string, got a list",
                "test.yml:2:49: [0].times[1]: both start and end times must be provided",
                "test.yml:3:11: [0].years[0]: expected a string, got a list",
            ])
    }

    @Test func unquotedNumbersReadAsTheirText() throws {
        let (intervals, errors) = try readIntervals("- days_of_month: [1, -1]\n  years: [2024]\n  months: [3]")
        #expect(errors.isEmpty)
        #expect(
            intervals == [
                Interval(
                    daysOfMonth: [InclusiveRange(1), InclusiveRange(-1)], months: [InclusiveRange(3)],
                    years: [InclusiveRange(2024)])
            ])
    }

    @Test func aNullFieldIsAbsentAndAnEmptyIntervalContainsEverything() throws {
        let (intervals, errors) = try readIntervals("- weekdays:\n  times: ~\n- {}")
        #expect(errors.isEmpty)
        #expect(intervals == [Interval(), Interval()])
        #expect(Interval().contains(try iso("1999-12-31T23:59:59Z"), defaultZone: chicago))
    }

    @Test func aNamedIntervalContainsWhatAnyOfItsIntervalsContains() throws {
        let named = NamedTimeInterval(
            name: "off_hours",
            intervals: [
                Interval(times: [TimeRange(startMinute: 0, endMinute: 540)]),
                Interval(weekdays: [InclusiveRange(0), InclusiveRange(6)]),
            ])
        #expect(named.contains(try iso("2024-05-08T08:59:00Z"), defaultZone: utc))  // Wednesday, early
        #expect(named.contains(try iso("2024-05-11T12:00:00Z"), defaultZone: utc))  // Saturday noon
        #expect(!named.contains(try iso("2024-05-08T09:00:00Z"), defaultZone: utc))  // Wednesday 9:00
        #expect(!NamedTimeInterval(name: "none", intervals: []).contains(Date(), defaultZone: utc))
    }

    // MARK: Zones

    @Test func anIntervalWithoutLocationIsJudgedInTheDefaultZone() throws {
        let saturdays = Interval(weekdays: [InclusiveRange(6)])
        let instant = try iso("2024-03-09T03:00:00Z")  // Saturday in UTC, Friday 21:00 in Chicago
        #expect(saturdays.contains(instant, defaultZone: utc))
        #expect(!saturdays.contains(instant, defaultZone: chicago))
        var local = saturdays
        local.location = "Local"
        #expect(!local.contains(instant, defaultZone: chicago))
        var empty = saturdays
        empty.location = ""
        #expect(empty.contains(instant, defaultZone: chicago))
    }

    @Test func locationsLoadAsGoLoadsThem() {
        for name in ["", "UTC", "Local", "EST", "Europe/Berlin", "US/Central", "Etc/GMT+1"] {
            #expect(Interval.zone(named: name, defaultZone: chicago) != nil, "\(name) should load")
        }
        for name in ["utc", "europe/berlin", "GMT+1", "Foo/Bar", "America/Chicago "] {
            #expect(Interval.zone(named: name, defaultZone: chicago) == nil, "\(name) should not load")
        }
        #expect(Interval.zone(named: "Local", defaultZone: chicago) == chicago)
        #expect(Interval.zone(named: nil, defaultZone: chicago) == chicago)
        #expect(Interval.zone(named: "", defaultZone: chicago)?.secondsFromGMT() == 0)
    }

    @Test func anUnloadableLocationContainsNothing() throws {
        let interval = Interval(location: "Foo/Bar")
        #expect(!interval.contains(try iso("2024-01-01T00:00:00Z"), defaultZone: utc))
    }

    // MARK: America/Chicago around daylight saving changes

    @Test func weekdayBoundariesFollowChicagoMidnightAcrossSpringForward() throws {
        let weekdays = Interval(weekdays: [InclusiveRange(1, 5)], location: "America/Chicago")
        // A week before the change Monday begins at 06:00 UTC (CST, UTC-6)...
        #expect(!weekdays.contains(try iso("2024-03-04T05:59:59Z"), defaultZone: utc))
        #expect(weekdays.contains(try iso("2024-03-04T06:00:00Z"), defaultZone: utc))
        // ...and after Sunday 10 March 2024 it begins at 05:00 UTC (CDT, UTC-5).
        #expect(!weekdays.contains(try iso("2024-03-11T04:59:59Z"), defaultZone: utc))
        #expect(weekdays.contains(try iso("2024-03-11T05:00:00Z"), defaultZone: utc))
        // Friday ends at Chicago midnight too.
        #expect(weekdays.contains(try iso("2024-03-16T04:59:59Z"), defaultZone: utc))
        #expect(!weekdays.contains(try iso("2024-03-16T05:00:00Z"), defaultZone: utc))
    }

    @Test func weekdayBoundariesFollowChicagoMidnightAcrossFallBack() throws {
        let saturday = Interval(weekdays: [InclusiveRange(6)], location: "America/Chicago")
        // Saturday 2 November 2024 ends at 05:00 UTC, still on CDT.
        #expect(saturday.contains(try iso("2024-11-03T04:59:59Z"), defaultZone: utc))
        #expect(!saturday.contains(try iso("2024-11-03T05:00:00Z"), defaultZone: utc))
        // Sunday is 25 hours long: Monday begins at 06:00 UTC on CST.
        let monday = Interval(weekdays: [InclusiveRange(1)], location: "America/Chicago")
        #expect(!monday.contains(try iso("2024-11-04T05:59:59Z"), defaultZone: utc))
        #expect(monday.contains(try iso("2024-11-04T06:00:00Z"), defaultZone: utc))
    }

    @Test func timesFollowTheWallClockOnChangeDays() throws {
        // 01:00-02:00 happens twice on 3 November 2024 (CDT, then CST)...
        let repeated = Interval(times: [TimeRange(startMinute: 60, endMinute: 120)], location: "America/Chicago")
        #expect(repeated.contains(try iso("2024-11-03T06:30:00Z"), defaultZone: utc))
        #expect(repeated.contains(try iso("2024-11-03T07:30:00Z"), defaultZone: utc))
        #expect(!repeated.contains(try iso("2024-11-03T08:00:00Z"), defaultZone: utc))
        // ...and 02:00-03:00 not at all on 10 March 2024.
        let skipped = Interval(times: [TimeRange(startMinute: 120, endMinute: 180)], location: "America/Chicago")
        #expect(!skipped.contains(try iso("2024-03-10T07:59:59Z"), defaultZone: utc))
        #expect(!skipped.contains(try iso("2024-03-10T08:00:00Z"), defaultZone: utc))
    }

    @Test func theLastDayOfMarchInChicagoIsTheThirtyFirst() throws {
        // Alertmanager 0.25 measured March's length in hours (743 with the change) and called the
        // 30th the last day; Vigil counts calendar days, as Alertmanager does since #5447.
        let lastDay = Interval(daysOfMonth: [InclusiveRange(-1)], location: "America/Chicago")
        #expect(lastDay.contains(try iso("2024-03-31T17:00:00Z"), defaultZone: utc))
        #expect(!lastDay.contains(try iso("2024-03-30T17:00:00Z"), defaultZone: utc))
        #expect(lastDay.contains(try iso("2024-02-29T17:00:00Z"), defaultZone: utc))
    }

    // MARK: Ranges parsed directly

    @Test func rangesParseNamesAndNumbers() throws {
        #expect(try InclusiveRange.weekdays(parsing: "Saturday") == InclusiveRange(6))
        #expect(try InclusiveRange.weekdays(parsing: "SUNDAY:monday") == InclusiveRange(0, 1))
        #expect(try InclusiveRange.months(parsing: "1:March") == InclusiveRange(1, 3))
        #expect(try InclusiveRange.daysOfMonth(parsing: "-3:-1") == InclusiveRange(-3, -1))
        #expect(try InclusiveRange.years(parsing: "2024") == InclusiveRange(2024))
        #expect(throws: TimeIntervalParseError(text: "friday:monday", message: "start day cannot be after end day")) {
            try InclusiveRange.weekdays(parsing: "friday:monday")
        }
    }
}
