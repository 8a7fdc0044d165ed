import Foundation
import Logging
import PromQL
import Prometheus
import Rules
import Testing
import TimeSeries
import VigilCore

@testable import VigilDaemon

/// The daemon's rule groups on the injected clock: their schedule, reloads and retention.
@Suite struct RuleManagerTests {
    func file(_ groups: [(name: String, interval: Int64?, rules: [RuleDefinition])]) -> RuleFile {
        RuleFile(
            path: "rules.yml",
            groups: groups.map {
                RuleGroupDefinition(
                    name: $0.name, interval: $0.interval, rules: $0.rules, location: .wholeFile("r.yml"))
            })
    }

    func record(_ name: String, _ expression: String) throws -> RuleDefinition {
        RuleDefinition(
            kind: .recording, name: name, expression: try PromQLParser.parse(expression), expressionText: expression,
            location: .wholeFile("r.yml"))
    }

    static let config = VigilConfig(
        storage: StorageConfig(path: "/nonexistent/vigil.db"), schedule: ScheduleConfig(path: "/nonexistent.json"))

    func manager(_ clock: ManualClock, _ store: SeriesStore) -> RuleManager {
        RuleManager(
            store: store, clock: clock, logger: Logger(label: "rules-test"),
            metrics: RuleMetrics(registry: PrometheusCollectorRegistry()), persistence: nil)
    }

    @Test func eachGroupTicksOnItsOwnIntervalAtItsOffset() async throws {
        let clock = ManualClock()
        let store = SeriesStore()
        let rules = manager(clock, store)
        let start = SeriesTime.milliseconds(clock.now())
        await rules.apply(
            [file([("fast", 30_000, [try record("a", "vector(1)")]), ("slow", nil, [try record("b", "vector(2)")])])],
            config: Self.config)
        await clock.waitForSleepers(count: 2)
        let groups = await rules.groups
        #expect(groups.map(\.interval) == [30_000, Self.config.global.evaluationInterval.milliseconds])
        let fastFirst = RuleGroupLoop.firstTime(after: start, key: "rules.yml;fast", interval: 30_000)
        #expect(fastFirst > start && fastFirst <= start + 30_000)
        clock.advance(to: SeriesTime.date(fastFirst))
        await clock.waitForSleepers(count: 2)
        #expect(await rules.groups.first?.lastEvaluation == fastFirst)
        clock.advance(to: SeriesTime.date(fastFirst + 30_000))
        await clock.waitForSleepers(count: 2)
        #expect(await rules.groups.first?.lastEvaluation == fastFirst + 30_000)
        #expect(
            store.select([LabelMatcher.equal("__name__", "a")], from: 0, through: .max).first?.samples.count == 2)
        await rules.stopAll()
    }

    @Test func reloadKeepsAlertsAndMarksSeriesOfRemovedRulesStale() async throws {
        let clock = ManualClock()
        let store = SeriesStore()
        let rules = manager(clock, store)
        let start = SeriesTime.milliseconds(clock.now())
        await rules.apply(
            [file([("g", 10_000, [try record("kept", "vector(1)"), try record("dropped", "vector(2)")])])],
            config: Self.config)
        await clock.waitForSleepers(count: 1)
        let first = RuleGroupLoop.firstTime(after: start, key: "rules.yml;g", interval: 10_000)
        clock.advance(to: SeriesTime.date(first))
        await clock.waitForSleepers(count: 1)
        let dropped = store.select([LabelMatcher.equal("__name__", "dropped")], from: 0, through: .max)
        #expect(dropped.first?.samples.map(\.value) == [2])

        clock.advance(by: 1)
        await rules.apply([file([("g", 10_000, [try record("kept", "vector(1)")])])], config: Self.config)
        let afterReload = store.select([LabelMatcher.equal("__name__", "dropped")], from: 0, through: .max)
        #expect(afterReload.first?.samples.last?.isStale == true)
        #expect(await rules.groups.first?.lastEvaluation == first)  // timing carried over
        await rules.stopAll()
    }

    @Test func aRemovedGroupsSeriesLeaveMetrics() async throws {
        let clock = ManualClock()
        let registry = PrometheusCollectorRegistry()
        let rules = RuleManager(
            store: SeriesStore(), clock: clock, logger: Logger(label: "rules-test"),
            metrics: RuleMetrics(registry: registry), persistence: nil)
        await rules.apply(
            [file([("kept", nil, [try record("a", "vector(1)")]), ("gone", nil, [try record("b", "vector(2)")])])],
            config: Self.config)
        #expect(registry.emitToString().contains(#"vigil_rule_group_rules{rule_group="rules.yml;gone"}"#))
        await rules.apply([file([("kept", nil, [try record("a", "vector(1)")])])], config: Self.config)
        let text = registry.emitToString()
        #expect(!text.contains("rules.yml;gone"), "\(text)")
        #expect(text.contains(#"vigil_rule_group_rules{rule_group="rules.yml;kept"}"#))
        await rules.stopAll()
    }

    @Test func retentionCoversTheLongestRuleWindowPlusAnHour() async throws {
        let store = SeriesStore()
        let rules = manager(ManualClock(), store)
        await rules.apply(
            [file([("g", nil, [try record("r", "rate(x[2h] offset 30m)"), try record("s", "x")])])],
            config: Self.config)
        #expect(store.retention == (2 * 3_600_000 + 1_800_000) + 3_600_000)
        var config = Self.config
        config.storage.seriesRetention = PromDuration(milliseconds: 600_000)
        await rules.apply([], config: config)
        #expect(store.retention == 600_000)
        await rules.stopAll()
    }

    @Test func ruleFilePatternsExpandLikeFilepathGlob() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-glob-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["b.yml", "a.yml", "c.txt"] {
            try Data().write(to: directory.appendingPathComponent(name))
        }
        let paths = RuleFileSet.paths(for: ["\(directory.path)/*.yml", "\(directory.path)/a.yml", "/nonexistent/*.yml"])
        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["a.yml", "b.yml"])
    }
}

/// Groups evaluate outside the manager's actor: checked out, evaluated, checked back in.
@Suite struct RuleManagerConcurrencyTests {
    let base = RuleManagerTests()

    @Test func anEvaluationCheckedOutBeforeAReloadIsNotCheckedInOverTheReloadedGroup() async throws {
        let clock = ManualClock()
        let rules = base.manager(clock, SeriesStore())
        await rules.apply([base.file([("g", 10_000, [try base.record("a", "vector(1)")])])], config: Self.config)
        var checkedOut = try #require(await rules.checkOut("rules.yml;g"))
        let failures = checkedOut.group.evaluate(at: 5_000, in: checkedOut.context)

        // A reload lands while the evaluation runs: its result must not replace the new group.
        await rules.apply(
            [base.file([("g", 10_000, [try base.record("a", "vector(1)"), try base.record("b", "vector(2)")])])],
            config: Self.config)
        await rules.checkIn(
            "rules.yml;g", checkedOut.group, generation: checkedOut.generation, failures: failures, at: 5_000)
        let group = try #require(await rules.groups.first)
        #expect(group.rules.map(\.definition.name) == ["a", "b"])
        #expect(group.lastEvaluation == nil)

        // Without a reload in between, the evaluated group is the one kept.
        var again = try #require(await rules.checkOut("rules.yml;g"))
        let moreFailures = again.group.evaluate(at: 15_000, in: again.context)
        await rules.checkIn(
            "rules.yml;g", again.group, generation: again.generation, failures: moreFailures, at: 15_000)
        #expect(await rules.groups.first?.lastEvaluation == 15_000)
        await rules.stopAll()
    }

    static let config = RuleManagerTests.config
}
