import Alerting
import Testing
import TimeSeries

private let second: Int64 = 1_000
private let minute: Int64 = 60_000
private let hour: Int64 = 3_600_000
/// An end time far enough ahead that an alert never resolves by itself in these tests.
private let never: Int64 = 1_000 * hour

private func alert(_ labels: [String: String], startsAt: Int64 = 0, endsAt: Int64 = never, updatedAt: Int64 = 0)
    -> PipelineAlert
{
    PipelineAlert(labels: Labels(labels), startsAt: startsAt, endsAt: endsAt, updatedAt: updatedAt)
}

/// A one-route tree: group by `a`,`b`, wait 1s, interval 300ms (TestAggrGroup's options).
private func aggrGroupDispatcher() -> Dispatcher {
    Dispatcher(
        route: Route(
            options: RouteOptions(
                receiver: "n1", groupBy: ["a", "b"], groupWait: second, groupInterval: 300, repeatInterval: hour)))
}

/// Alertmanager's aggregation groups (dispatch_test.go): group_wait before the first flush, at once
/// for alerts that started long ago, then every group_interval; resolved alerts forgotten once
/// notified; groups per route and group labels.
@Suite struct DispatcherTests {
    @Test func aNewGroupWaitsGroupWaitBeforeItsFirstFlush() throws {
        var dispatcher = aggrGroupDispatcher()
        let now: Int64 = 10 * minute
        let a1 = alert(["a": "v1", "b": "v2", "c": "v3"], startsAt: now + minute, endsAt: now + hour, updatedAt: now)
        dispatcher.insert(a1, now: now)
        #expect(dispatcher.nextFlushTime == now + second)
        #expect(dispatcher.dueFlushes(now: now + second - 1).isEmpty)
        let flushes = dispatcher.dueFlushes(now: now + second)
        let flush = try #require(flushes.first)
        #expect(flushes.count == 1)
        #expect(flush.groupLabels == Labels(["a": "v1", "b": "v2"]))
        #expect(flush.groupKey == #"{}:{a="v1", b="v2"}"#)
        #expect(flush.options.receiver == "n1")
        #expect(flush.options.repeatInterval == hour)
        // Firing alerts are flushed without an end.
        var expected = a1
        expected.endsAt = 0
        #expect(flush.alerts == [expected])
    }

    @Test func afterTheFirstFlushTheGroupFlushesEveryGroupInterval() throws {
        var dispatcher = aggrGroupDispatcher()
        let a1 = alert(["a": "v1", "b": "v2", "c": "v3"])
        let a3 = alert(["a": "v1", "b": "v2", "c": "v5"], startsAt: 500, updatedAt: 500)
        dispatcher.insert(a1, now: 0)
        #expect(dispatcher.dueFlushes(now: second).count == 1)
        var tick = second
        for _ in 0..<3 {
            dispatcher.insert(a3, now: tick + 10)
            #expect(dispatcher.nextFlushTime == tick + 300)
            #expect(dispatcher.dueFlushes(now: tick + 299).isEmpty)
            tick += 300
            let flush = try #require(dispatcher.dueFlushes(now: tick).first)
            #expect(flush.alerts.map(\.labels["c"]) == ["v3", "v5"])
        }
    }

    @Test(
        arguments: [
            // startsAt relative to now, and when the new group flushes relative to now.
            (-hour, 0),
            (-second - 1, 0),
            (-second, second),
            (0, second),
            (minute, second),
        ] as [(Int64, Int64)])
    func anAlertThatStartedMoreThanGroupWaitAgoFlushesANewGroupAtOnce(startOffset: Int64, flushOffset: Int64) {
        var dispatcher = aggrGroupDispatcher()
        let now = 5 * hour
        dispatcher.insert(alert(["a": "v1", "b": "v2"], startsAt: now + startOffset, updatedAt: now), now: now)
        #expect(dispatcher.nextFlushTime == now + flushOffset)
    }

    @Test func anOldAlertJoiningAWaitingGroupPullsTheFlushForward() {
        var dispatcher = aggrGroupDispatcher()
        dispatcher.insert(alert(["a": "v1", "b": "v2", "c": "v3"], startsAt: 10 * minute), now: 10 * minute)
        #expect(dispatcher.nextFlushTime == 10 * minute + second)
        dispatcher.insert(alert(["a": "v1", "b": "v2", "c": "v4"], startsAt: 0), now: 10 * minute + 200)
        #expect(dispatcher.nextFlushTime == 10 * minute + 200)
        #expect(dispatcher.dueFlushes(now: 10 * minute + 200).first?.alerts.count == 2)
    }

    @Test func anAlertJoiningAFlushedGroupWaitsForTheNextTickEvenIfOld() {
        var dispatcher = aggrGroupDispatcher()
        dispatcher.insert(alert(["a": "v1", "b": "v2", "c": "v3"]), now: 0)
        _ = dispatcher.dueFlushes(now: second)
        dispatcher.insert(alert(["a": "v1", "b": "v2", "c": "v4"], startsAt: -hour), now: second + 100)
        #expect(dispatcher.nextFlushTime == second + 300)
    }

    @Test func resolvedAlertsAreDroppedOnceTheirFlushCompletesAndTheEmptyGroupWithThem() throws {
        var dispatcher = aggrGroupDispatcher()
        let firing = [
            alert(["a": "v1", "b": "v2", "c": "v3"]), alert(["a": "v1", "b": "v2", "c": "v4"], startsAt: -hour),
            alert(["a": "v1", "b": "v2", "c": "v5"]),
        ]
        for item in firing { dispatcher.insert(item, now: 0) }
        let first = try #require(dispatcher.dueFlushes(now: 0).first)
        dispatcher.completed(first, now: 0)
        #expect(dispatcher.allGroups.first?.alerts.count == 3)

        for item in firing {
            var resolved = item
            resolved.endsAt = 100
            resolved.updatedAt = 100
            dispatcher.insert(resolved, now: 100)
        }
        let flush = try #require(dispatcher.dueFlushes(now: 300).first)
        #expect(flush.alerts.map(\.endsAt) == [100, 100, 100])
        dispatcher.completed(flush, now: 300)
        #expect(dispatcher.allGroups.isEmpty)
        #expect(dispatcher.nextFlushTime == nil)
    }

    @Test func aResolvedAlertUpdatedSinceTheFlushIsKept() throws {
        var dispatcher = aggrGroupDispatcher()
        let firing = alert(["a": "v1", "b": "v2"])
        dispatcher.insert(firing, now: 0)
        var resolved = firing
        resolved.endsAt = 10
        resolved.updatedAt = 10
        dispatcher.insert(resolved, now: 10)
        let flush = try #require(dispatcher.dueFlushes(now: second).first)
        // It fires again while the notification is under way.
        var refired = firing
        refired.startsAt = second + 5
        refired.updatedAt = second + 5
        dispatcher.insert(refired, now: second + 5)
        dispatcher.completed(flush, now: second + 10)
        #expect(dispatcher.allGroups.first?.alerts.values.map(\.updatedAt) == [second + 5])
    }

    @Test func withoutCompletionResolvedAlertsStayForTheNextFlush() throws {
        var dispatcher = aggrGroupDispatcher()
        dispatcher.insert(alert(["a": "v1", "b": "v2"], endsAt: 10), now: 0)
        let first = try #require(dispatcher.dueFlushes(now: second).first)
        #expect(first.alerts.map(\.endsAt) == [10])
        // The notification failed: no completed(_:now:).
        let again = try #require(dispatcher.dueFlushes(now: second + 300).first)
        #expect(again.alerts == first.alerts)
    }

    @Test func flushesSortAlertsByJobThenInstanceThenLabels() throws {
        var dispatcher = Dispatcher(route: Route(options: RouteOptions(receiver: "r")))
        let labelSets: [[String: String]] = [
            ["alertname": "Z"],
            ["alertname": "A"],
            ["alertname": "A", "instance": "i2"],
            ["alertname": "A", "instance": "i1"],
            ["alertname": "Z", "job": "b"],
            ["alertname": "Z", "job": "a", "instance": "i9"],
            ["alertname": "Y", "job": "a", "instance": "i1"],
        ]
        for labels in labelSets { dispatcher.insert(alert(labels), now: 0) }
        let flush = try #require(dispatcher.dueFlushes(now: 30 * second).first)
        #expect(flush.groupKey == "{}:{}")
        #expect(
            flush.alerts.map(\.labels) == [
                Labels(["alertname": "Y", "job": "a", "instance": "i1"]),
                Labels(["alertname": "Z", "job": "a", "instance": "i9"]),
                Labels(["alertname": "Z", "job": "b"]),
                Labels(["alertname": "A", "instance": "i1"]),
                Labels(["alertname": "A", "instance": "i2"]),
                Labels(["alertname": "A"]),
                Labels(["alertname": "Z"]),
            ])
    }

    @Test func resolvedAlertsKeepTheirEndInAFlushAndFiringOnesLoseIt() throws {
        var dispatcher = aggrGroupDispatcher()
        dispatcher.insert(alert(["a": "1", "b": "1", "n": "1"], endsAt: 500), now: 0)
        dispatcher.insert(alert(["a": "1", "b": "1", "n": "2"], endsAt: 5_000), now: 0)
        let flush = try #require(dispatcher.dueFlushes(now: second).first)
        #expect(flush.alerts.map(\.endsAt) == [500, 0])
    }

    @Test func removingAnAlertForgetsItEverywhereAndDropsEmptyGroups() {
        var dispatcher = aggrGroupDispatcher()
        let kept = alert(["a": "1", "b": "1", "n": "1"])
        let removed = alert(["a": "1", "b": "1", "n": "2"])
        let alone = alert(["a": "2", "b": "1"])
        for item in [kept, removed, alone] { dispatcher.insert(item, now: 0) }
        #expect(dispatcher.allGroups.count == 2)
        dispatcher.remove(removed.fingerprint)
        dispatcher.remove(alone.fingerprint)
        #expect(dispatcher.allGroups.count == 1)
        #expect(dispatcher.allGroups.first.map { Array($0.alerts.keys) } == [kept.fingerprint])
    }

    /// TestGroups: the groups of a tree with `continue`, and the receivers each alert reaches.
    @Test func alertsAreGroupedPerRouteAndGroupLabelsAsInAlertmanagersTestGroups() throws {
        let tree = try EscalationFileParser.parse(
            [
                (
                    path: "escalation.yml",
                    text: """
                    route:
                      group_by: ['alertname']
                      group_wait: 10ms
                      group_interval: 10ms
                      receiver: 'prod'
                      routes:
                      - match:
                          env: 'testing'
                        receiver: 'testing'
                        group_by: ['alertname', 'service']
                      - match:
                          env: 'prod'
                        receiver: 'prod'
                        group_by: ['alertname', 'service', 'cluster']
                        continue: true
                      - match:
                          kafka: 'yes'
                        receiver: 'kafka'
                        group_by: ['alertname', 'service', 'cluster']
                    """
                )
            ], receivers: ["kafka", "prod", "testing"], fallbackReceiver: "prod"
        ).route
        var dispatcher = Dispatcher(route: tree)
        let inputs: [[String: String]] = [
            ["alertname": "OtherAlert", "cluster": "cc", "service": "dd"],
            ["env": "testing", "alertname": "TestingAlert", "service": "api", "instance": "inst1"],
            ["env": "prod", "alertname": "HighErrorRate", "cluster": "aa", "service": "api", "instance": "inst1"],
            ["env": "prod", "alertname": "HighErrorRate", "cluster": "aa", "service": "api", "instance": "inst2"],
            ["env": "prod", "alertname": "HighErrorRate", "cluster": "bb", "service": "api", "instance": "inst1"],
            [
                "env": "prod", "alertname": "HighLatency", "cluster": "bb", "service": "db", "kafka": "yes",
                "instance": "inst3",
            ],
        ]
        for labels in inputs { dispatcher.insert(alert(labels), now: 0) }
        let groups = dispatcher.allGroups.map { group in
            "\(group.options.receiver) \(group.groupLabels) \(group.alerts.count)"
        }
        #expect(
            groups.sorted() == [
                #"kafka {alertname="HighLatency", cluster="bb", service="db"} 1"#,
                #"prod {alertname="HighErrorRate", cluster="aa", service="api"} 2"#,
                #"prod {alertname="HighErrorRate", cluster="bb", service="api"} 1"#,
                #"prod {alertname="HighLatency", cluster="bb", service="db"} 1"#,
                #"prod {alertname="OtherAlert"} 1"#,
                #"testing {alertname="TestingAlert", service="api"} 1"#,
            ])
        let flushed = dispatcher.dueFlushes(now: 10).flatMap(\.alerts)
        #expect(flushed.count == 7)
        #expect(
            dispatcher.allGroups.map(\.key).sorted() == [
                #"{}/{env="prod"}:{alertname="HighErrorRate", cluster="aa", service="api"}"#,
                #"{}/{env="prod"}:{alertname="HighErrorRate", cluster="bb", service="api"}"#,
                #"{}/{env="prod"}:{alertname="HighLatency", cluster="bb", service="db"}"#,
                #"{}/{env="testing"}:{alertname="TestingAlert", service="api"}"#,
                #"{}/{kafka="yes"}:{alertname="HighLatency", cluster="bb", service="db"}"#,
                #"{}:{alertname="OtherAlert"}"#,
            ])
    }

    @Test func identicalSiblingRoutesKeepSeparateGroupsUnderTheSameKey() throws {
        let critical = LabelMatcher.equal("severity", "critical")
        let sibling = Route(matchers: [critical], options: RouteOptions(receiver: "hook"), continues: true)
        var dispatcher = Dispatcher(
            route: Route(options: RouteOptions(receiver: "default"), routes: [sibling, sibling]))
        dispatcher.insert(alert(["severity": "critical"]), now: 0)
        let groups = dispatcher.allGroups
        #expect(groups.count == 2)
        #expect(groups.map(\.key) == [#"{}/{severity="critical"}:{}"#, #"{}/{severity="critical"}:{}"#])
        #expect(Set(groups.map(\.routeID)).count == 2)
        #expect(dispatcher.dueFlushes(now: 30 * second).count == 2)
    }

    @Test(arguments: [
        ("{}", [String: String](), "{}:{}"),
        (
            #"{}/{severity="critical"}"#, ["alertname": "X", "rotation": "clinic"],
            #"{}/{severity="critical"}:{alertname="X", rotation="clinic"}"#
        ),
        ("{}", ["a": #"say "hi"\now"#], #"{}:{a="say \"hi\"\\now"}"#),
        ("{}", ["a": "line\nfeed\ttab"], #"{}:{a="line\nfeed\ttab"}"#),
        ("{}", ["a": "café"], #"{}:{a="café"}"#),
    ])
    func groupKeysAreTheRouteKeyAndTheGroupLabelsAsGoPrintsThem(
        routeKey: String, groupLabels: [String: String], expected: String
    ) {
        #expect(AggregationGroup.key(routeKey: routeKey, groupLabels: Labels(groupLabels)) == expected)
    }

    @Test func groupingByEveryLabelMakesOneGroupPerAlert() {
        var dispatcher = Dispatcher(route: Route(options: RouteOptions(receiver: "r", groupByAll: true)))
        dispatcher.insert(alert(["alertname": "A", "n": "1"]), now: 0)
        dispatcher.insert(alert(["alertname": "A", "n": "2"]), now: 0)
        #expect(dispatcher.allGroups.map(\.key) == [#"{}:{alertname="A", n="1"}"#, #"{}:{alertname="A", n="2"}"#])
    }

    @Test func theNextFlushTimeIsTheEarliestGroupsTimer() {
        var dispatcher = Dispatcher(
            route: Route(
                options: RouteOptions(receiver: "r", groupBy: ["alertname"], groupWait: 30 * second),
                routes: [
                    Route(
                        matchers: [.equal("severity", "critical")],
                        options: RouteOptions(receiver: "r", groupBy: ["alertname"], groupWait: 10 * second))
                ]))
        #expect(dispatcher.nextFlushTime == nil)
        dispatcher.insert(alert(["alertname": "A"]), now: 0)
        #expect(dispatcher.nextFlushTime == 30 * second)
        dispatcher.insert(alert(["alertname": "B", "severity": "critical"], startsAt: 5 * second), now: 5 * second)
        #expect(dispatcher.nextFlushTime == 15 * second)
        #expect(
            dispatcher.dueFlushes(now: 15 * second).map(\.groupKey) == [#"{}/{severity="critical"}:{alertname="B"}"#])
        #expect(dispatcher.nextFlushTime == 30 * second)
    }
}
