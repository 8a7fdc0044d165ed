/// Faculty headcount on the window's first day: the number on-call staff check before anything else.
public struct FacultyAvailability: Sendable, Hashable {
    public var total: Int
    /// Absent on the window's first day.
    public var onLeave: Int
    /// total − onLeave: really present, unlike the seed's gauge which counted people on leave.
    public var onDuty: Int

    public init(index: WindowIndex) {
        total = index.faculty.count
        onLeave =
            index.window.days > 0 ? index.faculty.indices.filter { index.isAbsent($0, dayOffset: 0) }.count : 0
        onDuty = total - onLeave
    }
}
