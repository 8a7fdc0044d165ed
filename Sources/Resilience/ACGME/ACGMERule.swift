/// The ACGME common program requirements Vigil checks, one case per rule; the raw value is the rule id
/// reports print and `schedule_violations_total{violation_type}` is labelled with.
public enum ACGMERule: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Hours averaged per week over every rolling 28-day window: > 80 critical, > 76 warning.
    case dutyHours80 = "duty_hours_80"
    /// At least one day in seven free, averaged over 4 weeks: at least 4 days off in every 28 days.
    case oneDayInSeven = "one_day_in_seven"
    /// No more than 6 duty days in a row.
    case consecutiveDutyDays = "consecutive_duty_days"
    /// No duty period longer than 24 + 4 hours.
    case continuousDuty28 = "continuous_duty_28"
    /// 14 hours free after 24 hours or more of in-house call.
    case restAfterCall14 = "rest_after_call_14"
    /// Enough faculty present for the residents of a supervised slot.
    case supervisionRatio = "supervision_ratio"

    /// Declaration order, which is the order reports list rules in.
    public static func < (lhs: ACGMERule, rhs: ACGMERule) -> Bool { lhs.order < rhs.order }

    /// 0-based position in declaration order.
    var order: Int { ACGMERule.allCases.firstIndex(of: self) ?? 0 }
}
