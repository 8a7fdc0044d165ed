/// Faculty headcount on one day (by default the window's first): the number on-call staff check before anything else.
public struct FacultyAvailability: Sendable, Hashable {
    public var total: Int
    /// Absent on the window's first day.
    public var onLeave: Int
    /// total − onLeave: really present, unlike the seed's gauge which counted people on leave.
    public var onDuty: Int

    public init(index: WindowIndex) {
        self.init(index: index, dayOffset: 0)
    }

    /// Headcount on the window's day `offset` (none on leave outside the window).
    public init(index: WindowIndex, dayOffset offset: Int) {
        total = index.faculty.count
        onLeave = Self.absent(index: index, dayOffset: offset).count
        onDuty = total - onLeave
    }

    /// Ids of the faculty absent on the window's day `offset`, sorted.
    public static func absent(index: WindowIndex, dayOffset offset: Int) -> [String] {
        guard offset >= 0, offset < index.window.days else { return [] }
        return index.faculty.indices.filter { index.isAbsent($0, dayOffset: offset) }.map { index.faculty[$0] }
    }
}
