/// A piece of a time interval that Alertmanager would reject (`start day cannot be after end day`,
/// `couldn't parse timestamp 9:00, invalid format`), worded as Alertmanager words it where it can.
public struct TimeIntervalParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text that was rejected.
    public var text: String
    /// What is wrong with it.
    public var message: String

    public init(text: String, message: String) {
        self.text = text
        self.message = message
    }

    public var description: String { message }
}
