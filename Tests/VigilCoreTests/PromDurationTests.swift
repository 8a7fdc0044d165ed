import Testing
import VigilCore

@Suite struct PromDurationTests {
    @Test(arguments: [
        ("15s", Int64(15_000)),
        ("1h30m", 5_400_000),
        ("2w", 1_209_600_000),
        ("1y", 31_536_000_000),
        ("500ms", 500),
        ("0", 0),
        ("90m", 5_400_000),
        ("1d12h", 129_600_000),
        ("1m500ms", 60_500),
    ])
    func parsesPrometheusSyntax(text: String, milliseconds: Int64) throws {
        #expect(try PromDuration(parsing: text).milliseconds == milliseconds)
    }

    @Test(arguments: [
        ("90m", "1h30m"),
        ("0", "0s"),
        ("2w", "2w"),
        ("14d", "2w"),
        ("500ms", "500ms"),
        ("1y", "1y"),
        ("3600s", "1h"),
        ("61s", "1m1s"),
    ])
    func printsCanonicalForm(text: String, expected: String) throws {
        #expect(try PromDuration(parsing: text).description == expected)
    }

    @Test func rejectsEmptyText() {
        #expect(throws: PromDuration.ParseError.empty) { try PromDuration(parsing: "") }
    }

    @Test(arguments: ["5", "1.5h", "1m1h", "1h1h", "-1s", "1x", "h", "1h ", " 1h", "1H", "s1"])
    func rejectsInvalidText(text: String) {
        #expect(throws: PromDuration.ParseError.invalid(text)) { try PromDuration(parsing: text) }
    }

    @Test(arguments: ["9223372036854775808ms", "99999999999999999999s", "300000000y", "292471208y36w"])
    func rejectsOverflow(text: String) {
        #expect(throws: PromDuration.ParseError.overflow(text)) { try PromDuration(parsing: text) }
    }

    @Test func ordersByLength() throws {
        #expect(try PromDuration(parsing: "59s") < PromDuration(parsing: "1m"))
        #expect(try PromDuration(parsing: "1h") == PromDuration(parsing: "60m"))
    }
}
