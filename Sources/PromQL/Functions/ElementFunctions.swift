/// The functions of an instant vector that map each element's value on its own (maths, clamping,
/// rounding, calendar fields), with Go's float semantics.
enum ElementFunctions {
    private static let calendarNames: Set<String> = [
        "day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year",
    ]
    private static let mathNames: Set<String> = [
        "abs", "ceil", "exp", "floor", "ln", "log10", "log2", "sgn", "sqrt", "deg", "rad",
        "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
        "clamp", "clamp_min", "clamp_max", "round",
    ]

    /// Whether `apply` computes function `name`.
    static func handles(_ name: String) -> Bool {
        mathNames.contains(name) || calendarNames.contains(name)
    }

    /// Element-wise functions of an instant vector's value: abs ceil exp floor ln log10 log2 sgn sqrt
    /// deg rad, the trigonometric ones, clamp clamp_min clamp_max (scalars: min/max), round (scalars:
    /// [] or [toNearest]), and the date functions day_of_month day_of_week day_of_year days_in_month hour
    /// minute month year (value = Unix seconds, UTC; for the argument-less form pass the step time as
    /// `Double(ts / 1000)`, whole seconds as Prometheus does).
    /// - Returns: nil only where Prometheus drops the element (`clamp` with min > max drops every
    ///   element), or for a name this type does not handle.
    static func apply(_ name: String, value: Double, scalars: [Double]) -> Double? {
        if calendarNames.contains(name) { return calendar(name, value: value) }
        switch name {
        case "abs": return value.magnitude
        case "ceil": return value.rounded(.up)
        case "floor": return value.rounded(.down)
        case "exp": return GoMath.exp(value)
        case "sqrt": return value.squareRoot()
        case "ln": return GoMath.ln(value)
        case "log2": return GoMath.log2(value)
        case "log10": return GoMath.log10(value)
        case "sgn": return value < 0 ? -1 : value > 0 ? 1 : value
        case "deg": return value * 180 / Double.pi
        case "rad": return value * Double.pi / 180
        case "clamp":
            guard scalars.count >= 2 else { return nil }
            let (minimum, maximum) = (scalars[0], scalars[1])
            if maximum < minimum { return nil }
            return GoMath.max(minimum, GoMath.min(maximum, value))
        case "clamp_min":
            guard let minimum = scalars.first else { return nil }
            return GoMath.max(minimum, value)
        case "clamp_max":
            guard let maximum = scalars.first else { return nil }
            return GoMath.min(maximum, value)
        case "round":
            // Ties round up; the inverse is used because it loses less precision (as Prometheus).
            let inverse = 1.0 / (scalars.first ?? 1)
            return (value * inverse + 0.5).rounded(.down) / inverse
        default:
            return GoMath.trigonometric(name).map { $0(value) }
        }
    }

    private static func calendar(_ name: String, value: Double) -> Double? {
        let date = GoCivilTime(unixSeconds: GoMath.int64(value))
        switch name {
        case "day_of_month": return Double(date.day)
        case "day_of_week": return Double(date.weekday)
        case "day_of_year": return Double(date.yearDay + 1)
        case "days_in_month": return Double(date.daysInMonth)
        case "hour": return Double(date.hour)
        case "minute": return Double(date.minute)
        case "month": return Double(date.month)
        case "year": return Double(date.year)
        default: return nil
        }
    }
}
