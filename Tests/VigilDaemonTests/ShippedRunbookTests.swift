import Foundation
import Rules
import Testing
import TimeSeries

@testable import VigilDaemon

/// Every shipped alert has its runbook, and its `runbook_url` points at it: an on-call person
/// following the link from a page at 3 a.m. must find the page.
@Suite struct ShippedRunbookTests {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    @Test func everyShippedAlertHasARunbookItsURLPointsAt() throws {
        let files = try RuleFileSet.load(patterns: [Self.repository.appendingPathComponent("rules/alerts/*.yml").path])
        let alerts = files.flatMap(\.groups).flatMap(\.rules).filter { $0.kind == .alerting }
        #expect(alerts.count > 30, "the shipped rules were not found")
        var missing: [String] = []
        for alert in alerts {
            let runbook = Self.repository.appendingPathComponent("runbooks/\(alert.name).md").path
            if !FileManager.default.fileExists(atPath: runbook) {
                missing.append("\(alert.name): no runbooks/\(alert.name).md")
            }
            guard let url = alert.annotations["runbook_url"] else {
                missing.append("\(alert.name): no runbook_url annotation")
                continue
            }
            if url.hasPrefix("http://") || url.hasPrefix("https://") { continue }
            if !FileManager.default.fileExists(atPath: Self.repository.appendingPathComponent(url).path) {
                missing.append("\(alert.name): runbook_url \(url) points nowhere")
            }
        }
        #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
    }

    @Test func eachRunbookSaysWhatToDo() throws {
        let directory = Self.repository.appendingPathComponent("runbooks")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".md") && $0 != "README.md"
        }
        #expect(!names.isEmpty)
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(text.hasPrefix("# "), "\(name) has no title")
            #expect(text.count > 300, "\(name) is too short to help anyone")
        }
    }
}

/// `vigil runbook ALERT` prints the runbook, or says where it looked.
@Suite struct RunbookCommandTests {
    @Test func printsTheRunbookOrSaysWhereItLooked() async throws {
        let repository = ShippedRunbookTests.repository.path
        let found = try VigilProcess(arguments: ["runbook", "CriticalCoverageGap"], directory: repository)
        #expect(await found.waitForExit(timeout: .seconds(30)) == 0)
        let expected = try String(contentsOfFile: repository + "/runbooks/CriticalCoverageGap.md", encoding: .utf8)
        #expect(found.everything.contains(expected.trimmingCharacters(in: .newlines)))
        let missing = try VigilProcess(
            arguments: ["runbook", "NoSuchAlert", "--dir", repository + "/runbooks"], directory: repository)
        #expect(await missing.waitForExit(timeout: .seconds(30)) == 1)
        #expect(missing.everything.contains("no runbook for NoSuchAlert in \(repository)/runbooks"))
    }
}
