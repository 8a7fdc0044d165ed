/// Go's float renderings for the modules above PromQL (the HTTP API's alert values, alert templates),
/// so every surface prints a value exactly as Prometheus does.
public enum GoFloatRendering {
    /// `strconv.FormatFloat(value, 'e', -1, 64)`: `1e+00`, `8.5e-01`, `NaN`, `+Inf`.
    public static func exponent(_ value: Double) -> String { GoFloatFormat.shortestExponent(value) }

    /// `fmt`'s `%v`: `0.85`, `1e+06`.
    public static func general(_ value: Double) -> String { GoFloatFormat.shortestGeneral(value) }

    /// `strconv.FormatFloat(value, 'f', -1, 64)`: `1000000`, `0.85`.
    public static func fixed(_ value: Double) -> String { GoFloatFormat.shortestFixed(value) }
}

extension GoFloatRendering {
    /// `%.Nf`.
    public static func fixed(_ value: Double, precision: Int) -> String {
        GoFloatFormat.fixed(value, precision: precision)
    }

    /// `%.Ne`.
    public static func exponent(_ value: Double, precision: Int) -> String {
        GoFloatFormat.exponent(value, precision: precision)
    }

    /// `%.Ng`.
    public static func general(_ value: Double, precision: Int) -> String {
        GoFloatFormat.general(value, precision: precision)
    }
}
