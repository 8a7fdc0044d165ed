/// Where a JSON value starts in its file, so a schedule problem can point a coordinator at
/// `FILE:LINE:COL` in their editor.
///
/// Lines and columns are 1-based; columns count Unicode scalars, tabs count one. Stored as two
/// 32-bit numbers because every value of a large schedule carries one.
public struct JSONPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    private var storedLine: UInt32
    private var storedColumn: UInt32

    public init(line: Int, column: Int) {
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    /// 1-based line.
    public var line: Int { Int(storedLine) }
    /// 1-based column in Unicode scalars.
    public var column: Int { Int(storedColumn) }

    /// `LINE:COL`.
    public var description: String { "\(line):\(column)" }

    public static func < (lhs: JSONPosition, rhs: JSONPosition) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }
}
