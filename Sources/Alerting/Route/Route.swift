import TimeSeries

/// A node of Alertmanager's routing tree: alerts matching its matchers go to the deepest matching
/// children (the first one, or every one marked `continue`), or to this node when no child matches.
///
/// ``key`` and ``id`` are Alertmanager's `Route.Key()` and `Route.ID()`, so group keys in webhook
/// payloads and the notification log read the same as Alertmanager's.
public struct Route: Sendable, Equatable {
    /// Sorted as Alertmanager sorts them (name, value, operator).
    public var matchers: [LabelMatcher]
    public var options: RouteOptions
    /// Whether matching goes on to the next sibling after this route matched.
    public var continues: Bool
    public var routes: [Route]
    /// The matchers of every route from the root to this one: `{}/{severity="critical"}`.
    public private(set) var key: String
    /// ``key`` plus the position among siblings, unique in the tree: `{}/{severity="critical"}/0`.
    public private(set) var id: String

    public init(matchers: [LabelMatcher] = [], options: RouteOptions, continues: Bool = false, routes: [Route] = []) {
        self.matchers = matchers.sorted(by: Self.alertmanagerOrder)
        self.options = options
        self.continues = continues
        self.routes = routes
        key = ""
        id = ""
        assignKeys(parentKey: nil, position: nil)
    }

    /// The routes an alert with `labels` is sent along (empty when this route does not match).
    public func match(_ labels: Labels) -> [Route] {
        guard matchers.allSatisfy({ $0.matches(labels) }) else { return [] }
        var all: [Route] = []
        for child in routes {
            let matched = child.match(labels)
            all += matched
            if !matched.isEmpty && !child.continues { break }
        }
        return all.isEmpty ? [self] : all
    }

    /// Every route of the tree, depth first, this one included.
    public var allRoutes: [Route] {
        [self] + routes.flatMap(\.allRoutes)
    }

    /// The labels of an alert this route groups by.
    public func groupLabels(of labels: Labels) -> Labels {
        if options.groupByAll { return labels }
        return labels.keeping(Set(options.groupBy))
    }

    /// Alertmanager's `Matchers.String()`: `{a="b",c=~"d"}`.
    public static func text(of matchers: [LabelMatcher]) -> String {
        "{" + matchers.map(Self.text(of:)).joined(separator: ",") + "}"
    }

    /// Alertmanager's `Matcher.String()`: the value escaped as OpenMetrics escapes it.
    public static func text(of matcher: LabelMatcher) -> String {
        var value = ""
        for character in matcher.value {
            switch character {
            case "\\": value += "\\\\"
            case "\"": value += "\\\""
            case "\n": value += "\\n"
            default: value.append(character)
            }
        }
        return "\(matcher.name)\(matcher.kind.rawValue)\"\(value)\""
    }

    /// Alertmanager's matcher order: by name, then value, then operator (=, !=, =~, !~).
    static func alertmanagerOrder(_ lhs: LabelMatcher, _ rhs: LabelMatcher) -> Bool {
        if lhs.name != rhs.name { return lhs.name < rhs.name }
        if lhs.value != rhs.value { return lhs.value < rhs.value }
        return rank(lhs.kind) < rank(rhs.kind)
    }

    private static func rank(_ kind: LabelMatcher.Kind) -> Int {
        switch kind {
        case .equal: return 0
        case .notEqual: return 1
        case .regexMatch: return 2
        case .regexNoMatch: return 3
        }
    }

    private mutating func assignKeys(parentKey: String?, position: Int?) {
        let own = Self.text(of: matchers)
        key = parentKey.map { "\($0)/\(own)" } ?? own
        id = position.map { "\(key)/\($0)" } ?? key
        for index in routes.indices {
            routes[index].assignKeys(parentKey: key, position: index)
        }
    }
}
