/// How the cascade simulation decides that a colleague who absorbed a lost person's work drops
/// out too.
public struct CascadeSettings: Sendable, Hashable {
    /// A faculty member pushed past this multiple of their usual weekly sessions (at least one
    /// extra session a week is always tolerated) drops out in the next round. The seed system's
    /// figure is 1.2. Greater than 1, at most 3.
    public var overloadFactor: Double

    public static let standard = CascadeSettings(overloadFactor: 1.2)

    public init(overloadFactor: Double) {
        self.overloadFactor = overloadFactor
    }
}
