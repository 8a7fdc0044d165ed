/// Prometheus' compensated float sum (Neumaier's variant of Kahan summation), kept as a running
/// pair so that `sum_over_time`, `avg_over_time`, the standard deviations and the regression of
/// `deriv` add their terms in exactly Prometheus' order and get its last digits.
struct KahanSum {
    /// The running (uncompensated) sum.
    var sum: Double = 0
    /// The accumulated rounding error.
    var compensation: Double = 0

    /// Adds `increment`, moving the rounding error of the addition into `compensation`.
    mutating func add(_ increment: Double) {
        let total = sum + increment
        if sum.magnitude >= increment.magnitude {
            compensation += (sum - total) + increment
        } else {
            compensation += (increment - total) + sum
        }
        sum = total
    }

    /// The compensated total.
    var value: Double { sum + compensation }
}
