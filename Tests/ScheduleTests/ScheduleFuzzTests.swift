import Schedule
import Testing

/// Hostile input never crashes the loader, and whatever it refuses it says where.
@Suite struct ScheduleFuzzTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    private struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    }

    /// Loads `bytes`; when refused, every problem must have a path or a position, and the list is capped.
    private func expectWellFormedOutcome(_ bytes: [UInt8], _ label: String) {
        do {
            _ = try ScheduleLoader.parse(bytes: bytes, file: "fuzz.json")
        } catch {
            #expect(!error.issues.isEmpty, "\(label)")
            #expect(error.issues.count <= ScheduleLoadError.reportLimit, "\(label)")
            #expect(error.issues.allSatisfy { !$0.path.isEmpty || $0.position != nil }, "\(label)")
            #expect(error.issues.allSatisfy { !$0.message.isEmpty }, "\(label)")
        }
    }

    private static let structural =
        Array(#"{}[],:"\-0123456789.eE+tfn "#.utf8) + [0x00, 0x0A, 0x0D, 0x1F, 0x80, 0xC3, 0xFF]

    @Test func twoThousandMutationsOfAValidDocumentNeverCrash() {
        var generator = Generator(state: 2026)
        let original = ScheduleDocument().bytes
        var refused = 0
        for round in 0..<2000 {
            var bytes = original
            for _ in 0..<(1 + generator.below(4)) {
                let at = generator.below(bytes.count)
                switch generator.below(6) {
                case 0: bytes = Array(bytes.prefix(at))
                case 1: if !bytes.isEmpty { bytes[at] = UInt8(truncatingIfNeeded: generator.next()) }
                case 2: if !bytes.isEmpty { bytes[at] = Self.structural[generator.below(Self.structural.count)] }
                case 3: if !bytes.isEmpty { bytes.remove(at: at) }
                case 4: bytes.insert(Self.structural[generator.below(Self.structural.count)], at: at)
                default:
                    let length = min(generator.below(40), bytes.count - at)
                    bytes.insert(contentsOf: bytes[at..<(at + length)], at: generator.below(bytes.count))
                }
            }
            if (try? ScheduleLoader.parse(bytes: bytes, file: "fuzz.json")) == nil { refused += 1 }
            expectWellFormedOutcome(bytes, "round \(round)")
        }
        // Nearly every mutation breaks something; if none did, the mutations were not applied.
        #expect(refused > 1000)
    }

    @Test func everyTruncationOfAValidDocumentIsRefusedWithAPosition() {
        let original = ScheduleDocument().bytes
        // Cutting before the final "}" always leaves JSON that is not finished.
        let lastBrace = original.lastIndex(of: UInt8(ascii: "}")) ?? original.count
        for length in 0..<lastBrace {
            do {
                _ = try ScheduleLoader.parse(bytes: Array(original.prefix(length)), file: "cut.json")
                Issue.record("a document cut at byte \(length) loaded")
            } catch {
                #expect(error.issues.count == 1 && error.issues[0].position != nil, "cut at \(length)")
            }
        }
    }

    @Test func randomBytesNeverCrash() {
        var generator = Generator(state: 7)
        for round in 0..<1000 {
            let bytes = (0..<generator.below(300)).map { _ in
                generator.below(3) == 0
                    ? Self.structural[generator.below(Self.structural.count)]
                    : UInt8(truncatingIfNeeded: generator.next())
            }
            expectWellFormedOutcome(bytes, "random \(round)")
        }
    }

    @Test func validJSONOfTheWrongShapeNeverCrashes() {
        // Well-formed JSON built from the format's own keys and values in random places, so the
        // validator (not just the parser) meets every kind of surprise.
        var generator = Generator(state: 99)
        let keys = [
            "program", "people", "rotations", "assignments", "absences", "id", "role", "pgy", "capabilities",
            "max_sessions_per_week", "category", "min_faculty", "supervision", "hours_per_session", "person", "date",
            "session", "rotation", "call", "start", "end", "type", "name", "timezone",
        ]
        let scalars = [
            #""r01""#, #""f01""#, #""clinic""#, #""faculty""#, #""resident""#, #""AM""#, #""2026-07-01""#,
            #""vacation""#, #""patient_safety""#, "0", "1", "-1", "1e308", "2.5", "true", "false", "null", #""""#,
        ]
        func value(_ depth: Int) -> String {
            switch depth > 3 ? 0 : generator.below(4) {
            case 1:
                let count = generator.below(4)
                return "[" + (0..<count).map { _ in value(depth + 1) }.joined(separator: ",") + "]"
            case 2, 3:
                var used: Set<String> = []
                let members = (0..<generator.below(6)).compactMap { _ -> String? in
                    let key = keys[generator.below(keys.count)]
                    guard used.insert(key).inserted else { return nil }
                    return "\"\(key)\": " + value(depth + 1)
                }
                return "{" + members.joined(separator: ", ") + "}"
            default:
                return scalars[generator.below(scalars.count)]
            }
        }
        for round in 0..<1000 {
            let text = value(0)
            expectWellFormedOutcome(Array(text.utf8), "shape \(round): \(text)")
        }
    }
}
