import Schedule

/// One breach (or approaching-limit warning) of an ACGME rule, with what a coordinator needs to act on
/// it: who, when, how far over, and a sentence saying so.
///
/// `measured` and `limit` are in the rule's unit: average hours per week (duty_hours_80; the limit is
/// the threshold crossed, 80 for critical and 76 for a warning), days off (one_day_in_seven, measured
/// below limit), days (consecutive_duty_days), hours (continuous_duty_28; rest_after_call_14, measured
/// below limit), faculty present against faculty required (supervision_ratio, measured below limit).
public struct ACGMEViolation: Sendable, Hashable, Identifiable {
    /// What makes two reports' violations "the same one": rule, person and first date (plus the
    /// session for supervision, whose person is a rotation that has two slots a day). The daemon diffs
    /// successive reports' keys to count new violations.
    ///
    /// Rolling-window rules (duty_hours_80, one_day_in_seven) report their worst window, whose first date
    /// can move when the schedule or the window moves: a moved worst window is a new key.
    public struct Key: Sendable, Hashable, CustomStringConvertible {
        public var rule: ACGMERule
        public var person: String
        public var first: Day
        public var session: Session?

        public init(rule: ACGMERule, person: String, first: Day, session: Session? = nil) {
            self.rule = rule
            self.person = person
            self.first = first
            self.session = session
        }

        /// `rule|person|first[|session]`, e.g. `supervision_ratio|clinic|2026-09-14|AM`.
        public var description: String {
            "\(rule.rawValue)|\(person)|\(first)" + (session.map { "|\($0.rawValue)" } ?? "")
        }
    }

    public var rule: ACGMERule
    public var severity: ACGMESeverity
    /// The resident's id; for supervision_ratio the rotation's id (the slot, not one resident, breaks it).
    public var person: String
    /// First and last dates the finding spans (inclusive): the worst 28-day window, the run of duty days,
    /// the duty period, the short rest, or the slot's date.
    public var first: Day
    public var last: Day
    /// The slot's half-day for supervision_ratio; nil for the per-resident rules.
    public var session: Session?
    public var measured: Double
    public var limit: Double
    /// The residents concerned: `[person]` for per-resident rules, the slot's residents for supervision.
    public var residents: [String]
    public var message: String

    public init(
        rule: ACGMERule, severity: ACGMESeverity, person: String, first: Day, last: Day, session: Session? = nil,
        measured: Double, limit: Double, residents: [String], message: String
    ) {
        self.rule = rule
        self.severity = severity
        self.person = person
        self.first = first
        self.last = last
        self.session = session
        self.measured = measured
        self.limit = limit
        self.residents = residents
        self.message = message
    }

    public var key: Key { Key(rule: rule, person: person, first: first, session: session) }
    public var id: Key { key }
}
