import Alerting
import Testing
import TimeSeries

/// What a matched route decides, as plain data for tables: Alertmanager's `RouteOpts` plus the
/// route's key (`Route.Key()`).
private struct Decision: Sendable, Equatable, CustomStringConvertible {
    var receiver: String
    var groupBy: Set<String> = []
    var groupByAll = false
    var groupWait: Int64 = RouteOptions.defaultGroupWait
    var groupInterval: Int64 = RouteOptions.defaultGroupInterval
    var repeatInterval: Int64 = RouteOptions.defaultRepeatInterval

    init(
        _ receiver: String, groupBy: Set<String> = [], groupByAll: Bool = false,
        groupWait: Int64 = RouteOptions.defaultGroupWait, groupInterval: Int64 = RouteOptions.defaultGroupInterval,
        repeatInterval: Int64 = RouteOptions.defaultRepeatInterval
    ) {
        self.receiver = receiver
        self.groupBy = groupBy
        self.groupByAll = groupByAll
        self.groupWait = groupWait
        self.groupInterval = groupInterval
        self.repeatInterval = repeatInterval
    }

    init(_ route: Route) {
        let options = route.options
        self.init(
            options.receiver, groupBy: Set(options.groupBy), groupByAll: options.groupByAll,
            groupWait: options.groupWait, groupInterval: options.groupInterval,
            repeatInterval: options.repeatInterval)
    }

    var description: String {
        "\(receiver) by \(groupByAll ? ["..."] : groupBy.sorted()) \(groupWait)/\(groupInterval)/\(repeatInterval)"
    }
}

/// The three spellings of the same tree in Alertmanager's route_test.go: the legacy `match` and
/// `match_re` maps (TestRouteMatch), `matchers` (TestRouteMatchers), and both mixed
/// (TestRouteMatchersAndMatch).
private enum Spelling: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case legacy, matchers, mixed

    var testDescription: String { rawValue }

    var yaml: String {
        switch self {
        case .legacy:
            return """
                route:
                  receiver: 'notify-def'
                  routes:
                  - match:
                      owner: 'team-A'
                    receiver: 'notify-A'
                    routes:
                    - match:
                        env: 'testing'
                      receiver: 'notify-testing'
                      group_by: [...]
                    - match:
                        env: "production"
                      receiver: 'notify-productionA'
                      group_wait: 1m
                      continue: true
                    - match_re:
                        env: "produ.*"
                        job: ".*"
                      receiver: 'notify-productionB'
                      group_wait: 30s
                      group_interval: 5m
                      repeat_interval: 1h
                      group_by: ['job']
                  - match_re:
                      owner: 'team-(B|C)'
                    group_by: ['foo', 'bar']
                    group_wait: 2m
                    receiver: 'notify-BC'
                  - match:
                      group_by: 'role'
                    group_by: ['role']
                    routes:
                    - match:
                        env: 'testing'
                      receiver: 'notify-testing'
                      routes:
                      - match:
                          wait: 'long'
                        group_wait: 2m

                """
        case .matchers:
            return """
                route:
                  receiver: 'notify-def'
                  routes:
                  - matchers: ['{owner="team-A"}', '{level!="critical"}']
                    receiver: 'notify-A'
                    routes:
                    - matchers: ['{env="testing"}', '{baz!~".*quux"}']
                      receiver: 'notify-testing'
                      group_by: [...]
                    - matchers: ['{env="production"}']
                      receiver: 'notify-productionA'
                      group_wait: 1m
                      continue: true
                    - matchers: [ env=~"produ.*", job=~".*"]
                      receiver: 'notify-productionB'
                      group_wait: 30s
                      group_interval: 5m
                      repeat_interval: 1h
                      group_by: ['job']
                  - matchers: [owner=~"team-(B|C)"]
                    group_by: ['foo', 'bar']
                    group_wait: 2m
                    receiver: 'notify-BC'
                  - matchers: [group_by="role"]
                    group_by: ['role']
                    routes:
                    - matchers: ['{env="testing"}']
                      receiver: 'notify-testing'
                      routes:
                      - matchers: [wait="long"]
                        group_wait: 2m

                """
        case .mixed:
            return """
                route:
                  receiver: 'notify-def'
                  routes:
                  - matchers: ['{owner="team-A"}', '{level!="critical"}']
                    receiver: 'notify-A'
                    routes:
                    - matchers: ['{env="testing"}', '{baz!~".*quux"}']
                      receiver: 'notify-testing'
                      group_by: [...]
                    - match:
                        env: "production"
                      receiver: 'notify-productionA'
                      group_wait: 1m
                      continue: true
                    - matchers: [ env=~"produ.*", job=~".*"]
                      receiver: 'notify-productionB'
                      group_wait: 30s
                      group_interval: 5m
                      repeat_interval: 1h
                      group_by: ['job']
                  - match_re:
                      owner: 'team-(B|C)'
                    group_by: ['foo', 'bar']
                    group_wait: 2m
                    receiver: 'notify-BC'
                  - matchers: [group_by="role"]
                    group_by: ['role']
                    routes:
                    - matchers: ['{env="testing"}']
                      receiver: 'notify-testing'
                      routes:
                      - matchers: [wait="long"]
                        group_wait: 2m

                """
        }
    }
}

/// One alert of route_test.go's tables: the routes it takes and their keys in each spelling.
private struct MatchCase: Sendable, CustomTestStringConvertible {
    var labels: [String: String]
    var decisions: [Decision]
    var keys: [Spelling: [String]]

    var testDescription: String { Labels(labels).description }
}

private let routeTestReceivers: Set<String> = [
    "notify-def", "notify-A", "notify-testing", "notify-productionA", "notify-productionB", "notify-BC",
]

private func tree(_ yaml: String, receivers: Set<String>) throws -> Route {
    try EscalationFileParser.parse([(path: "escalation.yml", text: yaml)], receivers: receivers, fallbackReceiver: "")
        .route
}

private let minute: Int64 = 60_000

@Suite struct RouteMatchingTests {
    private static let matchCases: [MatchCase] = [
        MatchCase(
            labels: ["owner": "team-A"], decisions: [Decision("notify-A")],
            keys: [
                .legacy: [#"{}/{owner="team-A"}"#],
                .matchers: [#"{}/{level!="critical",owner="team-A"}"#],
                .mixed: [#"{}/{level!="critical",owner="team-A"}"#],
            ]),
        MatchCase(
            labels: ["owner": "team-A", "env": "unset"], decisions: [Decision("notify-A")],
            keys: [
                .legacy: [#"{}/{owner="team-A"}"#],
                .matchers: [#"{}/{level!="critical",owner="team-A"}"#],
                .mixed: [#"{}/{level!="critical",owner="team-A"}"#],
            ]),
        MatchCase(
            labels: ["owner": "team-C"],
            decisions: [Decision("notify-BC", groupBy: ["foo", "bar"], groupWait: 2 * minute)],
            keys: [
                // match_re anchors its regex, and the key shows the anchored text.
                .legacy: [#"{}/{owner=~"^(?:team-(B|C))$"}"#],
                .matchers: [#"{}/{owner=~"team-(B|C)"}"#],
                .mixed: [#"{}/{owner=~"^(?:team-(B|C))$"}"#],
            ]),
        MatchCase(
            labels: ["owner": "team-A", "env": "testing"], decisions: [Decision("notify-testing", groupByAll: true)],
            keys: [
                .legacy: [#"{}/{owner="team-A"}/{env="testing"}"#],
                .matchers: [#"{}/{level!="critical",owner="team-A"}/{baz!~".*quux",env="testing"}"#],
                .mixed: [#"{}/{level!="critical",owner="team-A"}/{baz!~".*quux",env="testing"}"#],
            ]),
        MatchCase(
            labels: ["owner": "team-A", "env": "production"],
            decisions: [
                Decision("notify-productionA", groupWait: minute),
                Decision(
                    "notify-productionB", groupBy: ["job"], groupWait: 30_000, groupInterval: 5 * minute,
                    repeatInterval: 60 * minute),
            ],
            keys: [
                .legacy: [
                    #"{}/{owner="team-A"}/{env="production"}"#,
                    #"{}/{owner="team-A"}/{env=~"^(?:produ.*)$",job=~"^(?:.*)$"}"#,
                ],
                .matchers: [
                    #"{}/{level!="critical",owner="team-A"}/{env="production"}"#,
                    #"{}/{level!="critical",owner="team-A"}/{env=~"produ.*",job=~".*"}"#,
                ],
                .mixed: [
                    #"{}/{level!="critical",owner="team-A"}/{env="production"}"#,
                    #"{}/{level!="critical",owner="team-A"}/{env=~"produ.*",job=~".*"}"#,
                ],
            ]),
        MatchCase(
            labels: ["group_by": "role"], decisions: [Decision("notify-def", groupBy: ["role"])],
            keys: [
                .legacy: [#"{}/{group_by="role"}"#],
                .matchers: [#"{}/{group_by="role"}"#],
                .mixed: [#"{}/{group_by="role"}"#],
            ]),
        MatchCase(
            labels: ["env": "testing", "group_by": "role"], decisions: [Decision("notify-testing", groupBy: ["role"])],
            keys: [
                .legacy: [#"{}/{group_by="role"}/{env="testing"}"#],
                .matchers: [#"{}/{group_by="role"}/{env="testing"}"#],
                .mixed: [#"{}/{group_by="role"}/{env="testing"}"#],
            ]),
        MatchCase(
            labels: ["env": "testing", "group_by": "role", "wait": "long"],
            decisions: [Decision("notify-testing", groupBy: ["role"], groupWait: 2 * minute)],
            keys: [
                .legacy: [#"{}/{group_by="role"}/{env="testing"}/{wait="long"}"#],
                .matchers: [#"{}/{group_by="role"}/{env="testing"}/{wait="long"}"#],
                .mixed: [#"{}/{group_by="role"}/{env="testing"}/{wait="long"}"#],
            ]),
    ]

    @Test(arguments: matchCases, Spelling.allCases)
    fileprivate func alertsTakeTheRoutesAndOptionsOfAlertmanagersRouteTests(
        _ testCase: MatchCase, _ spelling: Spelling
    ) throws {
        let root = try tree(spelling.yaml, receivers: routeTestReceivers)
        let matched = root.match(Labels(testCase.labels))
        #expect(matched.map(Decision.init) == testCase.decisions)
        #expect(matched.map(\.key) == testCase.keys[spelling])
    }

    @Test(arguments: Spelling.allCases)
    fileprivate func walkingTheTreeVisitsRoutesDepthFirst(_ spelling: Spelling) throws {
        let root = try tree(spelling.yaml, receivers: routeTestReceivers)
        #expect(
            root.allRoutes.map(\.options.receiver) == [
                "notify-def", "notify-A", "notify-testing", "notify-productionA", "notify-productionB", "notify-BC",
                "notify-def", "notify-testing", "notify-testing",
            ])
    }

    @Test func aChildInheritsGroupingByEveryLabelUnlessItNamesItsOwnLabels() throws {
        let root = try tree(
            """
            route:
              receiver: r
              routes:
              - match:
                  env: 'parent'
                group_by: ['...']
                routes:
                - match:
                    env: 'child1'
                - match:
                    env: 'child2'
                  group_by: ['foo']
            """, receivers: ["r"])
        let parent = try #require(root.routes.first)
        #expect(parent.options.groupByAll)
        #expect(parent.routes.map(\.options.groupByAll) == [true, false])
        #expect(parent.routes.map(\.options.groupBy) == [[], ["foo"]])
    }

    @Test func anEmptyGroupByListInheritsTheParentsGrouping() throws {
        let root = try tree(
            """
            route:
              receiver: r
              group_by: [alertname]
              routes:
              - matchers: [team="d"]
                group_by: []
            """, receivers: ["r"])
        let route = try #require(root.match(Labels(["team": "d", "alertname": "GD", "job": "j"])).first)
        #expect(route.options.groupBy == ["alertname"])
        #expect(
            route.groupLabels(of: Labels(["team": "d", "alertname": "GD", "job": "j"])) == Labels(["alertname": "GD"]))
    }

    @Test func timeIntervalsAreNotInherited() throws {
        let root = try tree(
            """
            route:
              receiver: r
              routes:
              - matchers: [team="a"]
                mute_time_intervals: [nights]
                active_time_intervals: [weekdays]
                routes:
                - matchers: [severity="page"]
            time_intervals:
            - name: nights
              time_intervals: [{times: [{start_time: '00:00', end_time: '06:00'}]}]
            - name: weekdays
              time_intervals: [{weekdays: ['monday:friday']}]
            """, receivers: ["r"])
        let parent = try #require(root.routes.first)
        #expect(parent.options.muteTimeIntervals == ["nights"])
        #expect(parent.options.activeTimeIntervals == ["weekdays"])
        let child = try #require(parent.routes.first)
        #expect(child.options.muteTimeIntervals.isEmpty)
        #expect(child.options.activeTimeIntervals.isEmpty)
        #expect(child.options.receiver == "r")
    }

    /// The example tree of Alertmanager's configuration docs (`<route>`, "Example").
    private static let docsExample = """
        route:
          receiver: 'default-receiver'
          group_wait: 30s
          group_interval: 5m
          repeat_interval: 4h
          group_by: [cluster, alertname]
          routes:
          - receiver: 'database-pager'
            group_wait: 10s
            matchers:
            - service=~"mysql|cassandra"
          - receiver: 'frontend-pager'
            group_by: [product, environment]
            matchers:
            - team="frontend"
          - receiver: 'dev-pager'
            matchers:
              - service="inhouse-service"
            mute_time_intervals:
              - offhours
              - holidays
            continue: true
          - receiver: 'on-call-pager'
            matchers:
              - service="inhouse-service"
            active_time_intervals:
              - offhours
              - holidays
        time_intervals:
        - name: offhours
          time_intervals:
          - times:
            - start_time: '20:00'
              end_time: '24:00'
        - name: holidays
          time_intervals:
          - months: ['december']
            days_of_month: ['24:26']
        """

    @Test(arguments: [
        (["service": "mysql", "alertname": "Down"], ["database-pager"]),
        (["service": "cassandra"], ["database-pager"]),
        (["service": "mysql-replica"], ["default-receiver"]),
        (["team": "frontend", "service": "web"], ["frontend-pager"]),
        (["service": "inhouse-service"], ["dev-pager", "on-call-pager"]),
        (["team": "backend"], ["default-receiver"]),
        ([:], ["default-receiver"]),
    ])
    func theDocumentationsExampleRoutesAsDocumented(labels: [String: String], receivers: [String]) throws {
        let root = try tree(
            Self.docsExample,
            receivers: ["default-receiver", "database-pager", "frontend-pager", "dev-pager", "on-call-pager"])
        #expect(root.match(Labels(labels)).map(\.options.receiver) == receivers)
    }

    @Test func theDocumentationsExampleInheritsAndOverridesOptions() throws {
        let root = try tree(
            Self.docsExample,
            receivers: ["default-receiver", "database-pager", "frontend-pager", "dev-pager", "on-call-pager"])
        let database = try #require(root.match(Labels(["service": "mysql"])).first)
        #expect(database.options.groupWait == 10_000)
        #expect(database.options.groupBy == ["cluster", "alertname"])
        #expect(database.key == #"{}/{service=~"mysql|cassandra"}"#)
        let frontend = try #require(root.match(Labels(["team": "frontend"])).first)
        #expect(frontend.options.groupBy == ["product", "environment"])
        #expect(frontend.options.groupWait == 30_000)
        let inhouse = root.match(Labels(["service": "inhouse-service"]))
        #expect(inhouse.map(\.options.muteTimeIntervals) == [["offhours", "holidays"], []])
        #expect(inhouse.map(\.options.activeTimeIntervals) == [[], ["offhours", "holidays"]])
    }

    /// The tree measured against Alertmanager 0.25 (research §6): a parent with `continue` whose
    /// matching child takes the alert, and two sibling routes with the same matchers.
    private static let measuredTree = """
        route:
          receiver: default
          group_by: ['alertname']
          routes:
            - receiver: crit
              matchers: ['severity="critical"']
              group_by: ['severity']
              continue: true
              routes:
                - receiver: crit-db
                  matchers: ['service=~"db|mysql"']
                  group_by: ['...']
            - receiver: hook
              matchers: ['team="ops"']
            - receiver: hook
              matchers: ['severity="critical"']
        """

    @Test func aParentWhoseChildMatchesIsNotItselfAMatch() throws {
        let root = try tree(Self.measuredTree, receivers: ["default", "crit", "crit-db", "hook"])
        let labels = Labels(["alertname": "TestAlert", "severity": "critical", "service": "db", "instance": "i1"])
        let matched = root.match(labels)
        #expect(matched.map(\.options.receiver) == ["crit-db", "hook"])
        #expect(
            matched.map(\.key) == [#"{}/{severity="critical"}/{service=~"db|mysql"}"#, #"{}/{severity="critical"}"#])
        #expect(matched.first?.groupLabels(of: labels) == labels)
        // Without a matching child, the `continue` parent is the match, and matching goes on.
        let other = root.match(Labels(["alertname": "X", "severity": "critical", "service": "web"]))
        #expect(other.map(\.options.receiver) == ["crit", "hook"])
    }

    @Test func siblingsWithTheSameMatchersShareAKeyButNotAnID() throws {
        let root = try tree(Self.measuredTree, receivers: ["default", "crit", "crit-db", "hook"])
        let crit = root.routes[0]
        let secondHook = root.routes[2]
        #expect(crit.key == secondHook.key)
        #expect(crit.key == #"{}/{severity="critical"}"#)
        #expect(crit.id != secondHook.id)
        #expect(Set(root.allRoutes.map(\.id)).count == root.allRoutes.count)
        #expect(root.key == "{}")
    }

    @Test func aRouteThatDoesNotMatchReturnsNothingAndTheRootCatchesTheRest() throws {
        let root = try tree(Self.measuredTree, receivers: ["default", "crit", "crit-db", "hook"])
        let hook = root.routes[1]
        #expect(hook.match(Labels(["team": "dev"])).isEmpty)
        #expect(root.match(Labels(["team": "dev"])).map(\.options.receiver) == ["default"])
        #expect(root.match(Labels(["team": "dev"])).map(\.key) == ["{}"])
    }

    @Test(arguments: [
        (["a", "b"], false, ["a": "v1", "b": "v2"]),
        ([], true, ["a": "v1", "b": "v2", "c": "v3"]),
        ([], false, [:]),
        (["a", "missing"], false, ["a": "v1"]),
    ])
    func groupLabelsAreTheGroupByLabelsOrEveryLabel(groupBy: [String], all: Bool, expected: [String: String]) {
        let route = Route(options: RouteOptions(receiver: "r", groupBy: groupBy, groupByAll: all))
        #expect(route.groupLabels(of: Labels(["a": "v1", "b": "v2", "c": "v3"])) == Labels(expected))
    }

    @Test func matchersAreSortedByNameThenValueThenOperator() throws {
        let route = Route(
            matchers: [
                .equal("b", "1"), try LabelMatcher("a", .regexNoMatch, "x"), .equal("a", "x"),
                try LabelMatcher("a", .notEqual, "x"), .equal("a", "w"),
            ],
            options: RouteOptions(receiver: "r"))
        #expect(Route.text(of: route.matchers) == #"{a="w",a="x",a!="x",a!~"x",b="1"}"#)
    }

    @Test func matcherTextEscapesBackslashQuoteAndLineFeedOnly() throws {
        #expect(Route.text(of: [.equal("a", "b\"c\\d\ne\tf")]) == "{a=\"b\\\"c\\\\d\\ne\tf\"}")
        #expect(Route.text(of: [try LabelMatcher("svc", .regexMatch, #"db\d+"#)]) == #"{svc=~"db\\d+"}"#)
        #expect(Route.text(of: []) == "{}")
    }
}
