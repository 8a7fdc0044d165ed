/// Prometheus' label name rule (`[a-zA-Z_][a-zA-Z0-9_]*`, as `model.LabelName.IsValid` in 2.42),
/// which `label_replace`, `label_join` and `count_values` enforce on the names they are given.
enum LabelName {
    static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        for (offset, byte) in name.utf8.enumerated() {
            let letter =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
            let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if !(letter || (digit && offset > 0)) { return false }
        }
        return true
    }
}
