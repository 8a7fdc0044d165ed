import Schedule
import Testing

/// The JSON parser on its own: RFC 8259 values with positions, and every refusal with its place.
@Suite struct JSONParserTests {
    private func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    private func expectRefusal(
        _ text: String, at line: Int, _ column: Int, _ message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expectRefusal(bytes: Array(text.utf8), at: line, column, message, sourceLocation: sourceLocation)
    }

    private func expectRefusal(
        bytes: [UInt8], at line: Int, _ column: Int, _ message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            let value = try JSONParser.parse(bytes)
            Issue.record("parsed \(value)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.position == JSONPosition(line: line, column: column), sourceLocation: sourceLocation)
            #expect(error.message == message, sourceLocation: sourceLocation)
        }
    }

    @Test func readsEveryKindOfValueWithItsPosition() throws {
        let value = try parse("{\n  \"list\": [1, -2.5e3, true, false, null],\n  \"inner\": {\"text\": \"hi\"}\n}")
        #expect(value.position == JSONPosition(line: 1, column: 1))
        let members = try #require(value.members)
        #expect(members.map(\.key) == ["list", "inner"])
        #expect(members.map(\.keyPosition) == [JSONPosition(line: 2, column: 3), JSONPosition(line: 3, column: 3)])
        let list = try #require(value["list"]?.elements)
        #expect(list.map(\.kind) == [.number(1), .number(-2500), .bool(true), .bool(false), .null])
        // Line 2 is `  "list": [1, -2.5e3, true, false, null],`: the 1 is column 12, -2.5e3 column 15…
        #expect(list.map(\.position.column) == [12, 15, 23, 29, 36])
        #expect(value["inner"]?["text"]?.string == "hi")
        #expect(value["inner"]?["text"]?.position == JSONPosition(line: 3, column: 21))
        #expect(value["missing"] == nil)
    }

    @Test func keepsMembersInFileOrder() throws {
        let value = try parse(#"{"z": 1, "a": 2, "m": 3}"#)
        #expect(value.members?.map(\.key) == ["z", "a", "m"])
    }

    @Test func countsColumnsInCharactersNotBytes() throws {
        // {"é": "ü", "x": 1} — é and ü take two bytes each but one column.
        let value = try parse(#"{"é": "ü", "x": 1}"#)
        #expect(value.members?.last?.keyPosition == JSONPosition(line: 1, column: 12))
        #expect(value["x"]?.position == JSONPosition(line: 1, column: 17))
    }

    @Test func countsCRLFAndLoneCRAsOneLineBreak() throws {
        let value = try parse("{\r\n\"a\": 1,\r\"b\": 2,\n\"c\": 3}")
        #expect(value.members?.map(\.keyPosition.line) == [2, 3, 4])
    }

    @Test func skipsAByteOrderMark() throws {
        let value = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
        #expect(value.position == JSONPosition(line: 1, column: 1))
        #expect(value["a"]?.position == JSONPosition(line: 1, column: 7))
    }

    @Test func decodesEveryEscape() throws {
        let value = try parse(#"["\"\\\/\b\f\n\r\t", "\u00e9\u00E9", "\ud83d\ude00", "a\u0000b"]"#)
        #expect(value.elements?.map(\.string) == ["\"\\/\u{8}\u{C}\n\r\t", "éé", "😀", "a\u{0}b"])
    }

    @Test func keepsNonASCIITextAsWritten() throws {
        #expect(try parse(#""Núñez 😀""#).string == "Núñez 😀")
    }

    @Test func readsNumbersExactlyAsTheStandardLibraryWould() throws {
        let cases: [(String, Double)] = [
            ("0", 0), ("-0", 0), ("7", 7), ("-12", -12), ("1.5", 1.5), ("1E2", 100), ("1e-2", 0.01), ("2.5e+3", 2500),
            ("123456789012345", 123_456_789_012_345), ("12345678901234567890", 1.2345678901234567e19),
            ("0.1", 0.1), ("1e400", .infinity),
        ]
        for (text, expected) in cases {
            #expect(try parse(text).number == expected, "\(text)")
        }
    }

    @Test func wholeNumbersAreIntegersAndFractionsAreNot() throws {
        #expect(try parse("3").integer == 3)
        #expect(try parse("3.0").integer == 3)
        #expect(try parse("-4").integer == -4)
        #expect(try parse("3.5").integer == nil)
        #expect(try parse("1e300").integer == nil)
        #expect(try parse("\"3\"").integer == nil)
    }

    @Test func acceptsNestingUpToTheLimit() throws {
        let depth = JSONParser.defaultMaxDepth
        let value = try parse(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        #expect(value.elements?.count == 1)
    }

    @Test func refusesNestingBeyondTheLimit() {
        let depth = JSONParser.defaultMaxDepth + 1
        expectRefusal(
            String(repeating: "[", count: depth) + String(repeating: "]", count: depth), at: 1, depth,
            "arrays and objects nest more than \(JSONParser.defaultMaxDepth) deep")
    }

    @Test func refusesTrailingCommas() {
        expectRefusal(#"{"a": 1,}"#, at: 1, 9, #"trailing comma before "}"; remove the last ",""#)
        expectRefusal("[1, 2,\n]", at: 2, 1, #"trailing comma before "]"; remove the last ",""#)
    }

    @Test func refusesLeadingZeros() {
        expectRefusal("[01]", at: 1, 2, "numbers cannot start with a leading zero")
        expectRefusal("[-007]", at: 1, 2, "numbers cannot start with a leading zero")
    }

    @Test func refusesMalformedNumbers() {
        expectRefusal("[-]", at: 1, 3, #"expected a digit after "-", found "]""#)
        expectRefusal("[1.]", at: 1, 4, "expected a digit after the decimal point")
        expectRefusal("[1e]", at: 1, 4, "expected a digit in the exponent")
        let notAValue = "expected a value (object, array, string, number, true, false or null), found"
        expectRefusal("[.5]", at: 1, 2, #"\#(notAValue) ".""#)
        expectRefusal("[+1]", at: 1, 2, #"\#(notAValue) "+""#)
        expectRefusal("[NaN]", at: 1, 2, #"\#(notAValue) "N""#)
        expectRefusal("[tru]", at: 1, 2, #"\#(notAValue) "t""#)
    }

    @Test func refusesRawControlCharactersInStrings() {
        expectRefusal("[\"a\tb\"]", at: 1, 4, #"control character U+0009 inside a string; escape it as \u00XX"#)
        expectRefusal(
            "{\"a\": \"one\ntwo\"}", at: 1, 11,
            #"line break inside a string (missing closing '"'? write \n for a line break)"#)
    }

    @Test func refusesDuplicateKeysNamingTheFirst() {
        expectRefusal(
            "{\"a\": 1,\n \"a\": 2}", at: 2, 2, #"duplicate key "a" in one object (first at line 1, column 2)"#)
    }

    @Test func refusesDuplicateKeysInLargeObjects() {
        let members = (0..<40).map { "\"k\($0)\": \($0)" } + ["\"k3\": 0"]
        let text = "{" + members.joined(separator: ",\n") + "}"
        expectRefusal(text, at: 41, 1, #"duplicate key "k3" in one object (first at line 4, column 1)"#)
    }

    @Test func refusesTrailingGarbage() {
        expectRefusal(#"{"a": 1} x"#, at: 1, 10, #"unexpected "x" after the end of the JSON document"#)
        expectRefusal("[1]\n[2]", at: 2, 1, #"unexpected "[" after the end of the JSON document"#)
    }

    @Test func refusesEmptyInput() {
        expectRefusal("", at: 1, 1, "the file holds no JSON value (it is empty)")
        expectRefusal("  \n ", at: 2, 2, "the file holds no JSON value (it is empty)")
    }

    @Test func refusesUnterminatedStringsAtTheirStart() {
        expectRefusal(#"{"a": "abc"#, at: 1, 7, #"unterminated string (missing closing '"')"#)
        expectRefusal(#"["abc\"#, at: 1, 6, "unterminated string")
    }

    @Test func refusesUnknownEscapes() {
        expectRefusal(#"["a\x"]"#, at: 1, 4, #"invalid escape "\x" (valid: \" \\ \/ \b \f \n \r \t \uXXXX)"#)
        expectRefusal(#"["\u12G4"]"#, at: 1, 3, #"\u must be followed by four hexadecimal digits"#)
    }

    @Test func refusesLoneSurrogates() {
        expectRefusal(#"["\ud800"]"#, at: 1, 3, #"\uD800 is half of a surrogate pair; the low half must follow"#)
        expectRefusal(#"["\udc00"]"#, at: 1, 3, #"\uDC00 is a lone low surrogate"#)
        expectRefusal(#"["\ud800\u0041"]"#, at: 1, 9, #"\u0041 cannot follow \uD800: expected a low surrogate"#)
    }

    @Test func refusesInvalidUTF8() {
        expectRefusal(bytes: [0x5B, 0x22, 0xFF, 0x22, 0x5D], at: 1, 2, "the string is not valid UTF-8")
        expectRefusal(
            bytes: [0x5B, 0xC3, 0xA9, 0x5D], at: 1, 2,
            "expected a value (object, array, string, number, true, false or null), found non-ASCII byte 0xC3")
    }

    @Test func pointsOutSingleQuotes() {
        expectRefusal("['a']", at: 1, 2, #"found "'": JSON strings use double quotes"#)
        expectRefusal("{'a': 1}", at: 1, 2, #"expected a member name in double quotes, found "'""#)
    }

    @Test func refusesMissingSeparators() {
        expectRefusal("[1 2]", at: 1, 4, #"expected "," or "]" after an element, found "2""#)
        expectRefusal(#"{"a" 1}"#, at: 1, 6, #"expected ":" after "a", found "1""#)
        expectRefusal(#"{"a": 1 "b": 2}"#, at: 1, 9, #"expected "," or "}" after a member, found '"'"#)
        expectRefusal(
            "[1,", at: 1, 4,
            "expected a value (object, array, string, number, true, false or null), found end of file")
    }
}
