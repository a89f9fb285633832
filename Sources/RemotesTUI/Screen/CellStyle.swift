/// How a cell is drawn: emphasis that works on every terminal, and a colour role that a
/// monochrome screen ignores. Views never rely on colour alone: state is also in the text.
public struct CellStyle: Sendable, Hashable {
    /// Attributes a monochrome terminal can show.
    public struct Emphasis: OptionSet, Sendable, Hashable {
        /// The raw bits.
        public let rawValue: UInt8
        /// Makes emphasis from bits.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Bold.
        public static let bold = Emphasis(rawValue: 1)
        /// Reverse video (the selection).
        public static let reverse = Emphasis(rawValue: 2)
        /// Underlined (input fields).
        public static let underline = Emphasis(rawValue: 4)
        /// Dim (disabled keys, skipped entries).
        public static let dim = Emphasis(rawValue: 8)
    }

    /// What a colour means; the screen maps it to a colour pair, or to nothing without colour.
    public enum ColorRole: Sendable, Hashable, CaseIterable {
        /// The terminal's default colours.
        case plain
        /// Titles and the focused pane's heading.
        case accent
        /// Success (OK, ✓ secure).
        case good
        /// Warnings and insecure entries.
        case warning
        /// Errors.
        case error
    }

    /// The emphasis.
    public var emphasis: Emphasis
    /// The colour role.
    public var color: ColorRole

    /// Makes a style.
    public init(_ emphasis: Emphasis = [], color: ColorRole = .plain) {
        self.emphasis = emphasis
        self.color = color
    }

    /// No emphasis, default colours.
    public static let plain = CellStyle()
    /// Bold.
    public static let bold = CellStyle(.bold)
    /// Reverse video.
    public static let reverse = CellStyle(.reverse)
    /// Dim.
    public static let dim = CellStyle(.dim)

    /// This style with more emphasis.
    public func adding(_ more: Emphasis) -> CellStyle { CellStyle(emphasis.union(more), color: color) }
    /// This style with a colour role.
    public func colored(_ role: ColorRole) -> CellStyle { CellStyle(emphasis, color: role) }
}
