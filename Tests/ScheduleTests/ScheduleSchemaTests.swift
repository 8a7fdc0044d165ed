import Foundation
import Schedule
import Testing

/// `etc/schema/schedule.schema.json` documents exactly what the loader accepts.
@Suite struct ScheduleSchemaTests {
    private static let schemaPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("etc/schema/schedule.schema.json").path

    private func schema() throws -> JSONValue {
        let data = try #require(FileManager.default.contents(atPath: Self.schemaPath))
        return try JSONParser.parse(Array(data))
    }

    /// The schema of one kind of object: the root or one of `$defs`.
    private func objectSchema(_ name: String) throws -> JSONValue {
        let root = try schema()
        if name == "program" { return root }
        return try #require(root["$defs"]?[name], "no $defs/\(name)")
    }

    private func strings(_ value: JSONValue?) -> [String] { value?.elements?.compactMap(\.string) ?? [] }

    @Test func theSchemaParsesWithOurOwnParserAndNamesItsDraft() throws {
        let root = try schema()
        #expect(root["$schema"]?.string == "https://json-schema.org/draft/2020-12/schema")
        #expect(root["type"]?.string == "object")
    }

    @Test(arguments: [
        ("program", ScheduleFormat.program), ("person", ScheduleFormat.person), ("rotation", ScheduleFormat.rotation),
        ("assignment", ScheduleFormat.assignment), ("absence", ScheduleFormat.absence),
    ])
    func everyObjectListsExactlyTheFieldsTheLoaderAccepts(name: String, format: ScheduleFormat.ObjectFields) throws {
        let object = try objectSchema(name)
        let properties = try #require(object["properties"]?.members)
        #expect(properties.map(\.key) == format.fields)
        #expect(strings(object["required"]) == format.required)
        #expect(object["additionalProperties"]?.bool == false, "unknown keys are errors in the loader")
        for property in properties {
            let description = property.value["description"]?.string ?? ""
            #expect(description.count > 10, "\(name).\(property.key) needs a description")
        }
    }

    @Test func enumerationsMatchTheModel() throws {
        let person = try objectSchema("person")
        #expect(strings(person["properties"]?["role"]?["enum"]) == Person.Role.allCases.map(\.rawValue))
        let rotation = try objectSchema("rotation")
        #expect(strings(rotation["properties"]?["category"]?["enum"]) == ActivityCategory.allCases.map(\.rawValue))
        let assignment = try objectSchema("assignment")
        #expect(strings(assignment["properties"]?["session"]?["enum"]) == Session.allCases.map(\.rawValue))
        let absence = try objectSchema("absence")
        #expect(
            Set(strings(absence["properties"]?["type"]?["enum"])) == Set(Absence.Kind.allCases.map(\.rawValue)))
    }

    @Test func boundsAndDefaultsMatchTheLoader() throws {
        let person = try #require(try objectSchema("person")["properties"])
        #expect(person["pgy"]?["minimum"]?.integer == ScheduleFormat.pgyRange.lowerBound)
        #expect(person["pgy"]?["maximum"]?.integer == ScheduleFormat.pgyRange.upperBound)
        let cap = person["max_sessions_per_week"]
        #expect(cap?["minimum"]?.integer == ScheduleFormat.maxSessionsPerWeekRange.lowerBound)
        #expect(cap?["maximum"]?.integer == ScheduleFormat.maxSessionsPerWeekRange.upperBound)
        let rotation = try #require(try objectSchema("rotation")["properties"])
        #expect(rotation["hours_per_session"]?["default"]?.number == Rotation.defaultHoursPerSession)
        #expect(rotation["hours_per_session"]?["exclusiveMinimum"]?.number == 0)
        #expect(rotation["hours_per_session"]?["maximum"]?.number == 24)
        #expect(rotation["min_faculty"]?["default"]?.integer == 0)
        #expect(rotation["supervision"]?["default"]?.bool == false)
        let assignment = try #require(try objectSchema("assignment")["properties"])
        #expect(assignment["call"]?["default"]?.bool == false)
    }

    @Test func everyReferencePointsToADefinition() throws {
        let root = try schema()
        let definitions = Set(root["$defs"]?.members?.map(\.key) ?? [])
        var references: [String] = []
        func collect(_ value: JSONValue) {
            switch value.kind {
            case .object(let members):
                for member in members {
                    if member.key == "$ref", let target = member.value.string { references.append(target) }
                    collect(member.value)
                }
            case .array(let elements):
                elements.forEach(collect)
            default:
                break
            }
        }
        collect(root)
        #expect(!references.isEmpty)
        for reference in references {
            #expect(
                reference.hasPrefix("#/$defs/") && definitions.contains(String(reference.dropFirst(8))), "\(reference)")
        }
    }
}
