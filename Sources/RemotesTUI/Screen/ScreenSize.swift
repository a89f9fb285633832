/// A terminal size in character cells.
public struct ScreenSize: Sendable, Equatable, CustomStringConvertible {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Makes a size; negative numbers count as zero.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The smallest size the full UI is drawn at: 60 columns by 16 rows. Below it only a
    /// "terminal too small" notice is shown (see docs/tui.md).
    public static let minimum = ScreenSize(width: 60, height: 16)

    /// True when this size is at least `other` in both directions.
    public func fits(_ other: ScreenSize) -> Bool { width >= other.width && height >= other.height }

    /// `80×24`.
    public var description: String { "\(width)×\(height)" }
}
