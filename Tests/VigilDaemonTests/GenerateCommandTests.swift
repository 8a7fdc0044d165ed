import ArgumentParser
import Schedule
import Testing

@testable import vigil

/// `vigil resilience generate` arguments, parsed as the binary parses them (no subprocess).
@Suite struct GenerateCommandTests {
    private func parse(_ arguments: [String]) throws -> GenerateCommand {
        let command = try VigilCommand.parseAsRoot(["resilience", "generate"] + arguments)
        return try #require(command as? GenerateCommand)
    }

    /// The usage error `arguments` produce: its message and the exit code Entry maps it to.
    private func usageError(_ arguments: [String]) -> (message: String, exit: Int32)? {
        do {
            _ = try VigilCommand.parseAsRoot(["resilience", "generate"] + arguments)
            return nil
        } catch {
            let code = VigilCommand.exitCode(for: error)
            // Entry.swift exits 2 for ArgumentParser's validation failures.
            return (VigilCommand.message(for: error), code == .validationFailure ? 2 : code.rawValue)
        }
    }

    @Test func buildsTheGeneratorTheOptionsDescribe() throws {
        let command = try parse(
            ["--faculty", "60", "--residents", "120", "--weeks", "13", "--seed", "7", "--start", "2027-01-04"])
        let generator = try command.generator()
        #expect(generator.faculty == 60 && generator.residents == 120 && generator.weeks == 13)
        #expect(generator.seed == 7)
        #expect(generator.start == Day(iso: "2027-01-04"))
        #expect(command.output == nil)
        let defaults = try parse(["--faculty", "1", "--residents", "1", "--weeks", "104", "--seed", "0"])
        #expect(try defaults.generator().start == Day(iso: "2026-07-01"))
    }

    @Test func acceptsTheDemoFlagAlone() throws {
        let command = try parse(["--demo", "--output", "etc/demo/program.json"])
        #expect(command.demo)
        #expect(command.output == "etc/demo/program.json")
    }

    @Test func refusesBadArgumentsWithAClearUsageError() throws {
        let valid = ["--faculty", "6", "--residents", "12", "--weeks", "4", "--seed", "1"]
        func replacing(_ option: String, with value: String) -> [String] {
            var arguments = valid
            if let index = arguments.firstIndex(of: option) { arguments[index + 1] = value }
            return arguments
        }
        let cases: [([String], String)] = [
            (replacing("--faculty", with: "0"), "--faculty must be between 1 and 1000 (got 0)"),
            // A negative value needs the `=` form, or it reads as an option.
            (
                ["--faculty", "6", "--residents=-3", "--weeks", "4", "--seed", "1"],
                "--residents must be between 1 and 1000"
            ),
            (replacing("--weeks", with: "0"), "--weeks must be between 1 and 104 (got 0)"),
            (replacing("--weeks", with: "105"), "--weeks must be between 1 and 104 (got 105)"),
            (valid + ["--start", "2026-02-30"], "--start must be a date as YYYY-MM-DD"),
            (Array(valid.dropLast(2)), "Missing --seed"),
            (["--weeks", "4"], "Missing --faculty, --residents, --seed"),
            (["--demo", "--seed", "3"], "--demo is a fixed program: drop --seed"),
        ]
        for (arguments, message) in cases {
            let error = try #require(usageError(arguments), "\(arguments)")
            #expect(error.message.contains(message), "\(arguments): \(error.message)")
            #expect(error.exit == 2, "\(arguments)")
        }
        // Not a number at all: ArgumentParser's own usage error, also exit 2.
        #expect(usageError(replacing("--seed", with: "-1"))?.exit == 2)
    }
}
