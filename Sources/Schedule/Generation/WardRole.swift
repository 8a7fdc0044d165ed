/// A ward resident's week. A team of three rotates through X, Y and Z (bigger teams add W weeks):
/// between them the ward has residents every day and an in-house call on Friday and Saturday nights
/// (the night float covers Sunday to Thursday), while each member stays within the ACGME limits as
/// the duty-time model counts them — a post-call morning is a duty day, so every role's days off
/// fall where a run of duty days would otherwise reach seven, whatever role came the week before:
///
/// | role | works | call | hours |
/// |---|---|---|---|
/// | X | Tue–Fri | Fri | 60 |
/// | Y | Mon–Wed, Fri, Sat | Sat | 72 |
/// | Z | Mon, Wed–Fri, Sun | — | 60 |
/// | W | Mon–Fri | — | 60 |
enum WardRole: Sendable {
    case fridayCall, saturdayCall, sunday, weekdays

    /// The roles a team of `size` cycles through, one week each, in this order.
    static func cycle(teamSize size: Int) -> [WardRole] {
        switch size {
        case ...0: return []
        case 1: return [.saturdayCall]
        case 2: return [.fridayCall, .saturdayCall]
        default: return [.fridayCall, .saturdayCall, .sunday] + Array(repeating: .weekdays, count: size - 3)
        }
    }

    /// Whether the role works the ward on ISO weekday `weekday` (1 = Monday), and takes the call.
    func duty(weekday: Int) -> (works: Bool, call: Bool) {
        switch self {
        case .fridayCall: return ((2...5).contains(weekday), weekday == 5)
        case .saturdayCall: return ([1, 2, 3, 5, 6].contains(weekday), weekday == 6)
        case .sunday: return ([1, 3, 4, 5, 7].contains(weekday), false)
        case .weekdays: return (weekday <= 5, false)
        }
    }
}
