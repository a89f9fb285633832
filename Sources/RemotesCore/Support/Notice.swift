/// A message for the user that is not a failure: Apptainer's `INFO:` and `WARNING:` lines.
public struct Notice: Sendable, Equatable, CustomStringConvertible {
    /// How loud the message is.
    public enum Level: String, Sendable, Equatable {
        /// `INFO:    `
        case info
        /// `WARNING: `
        case warning
    }

    /// The level.
    public var level: Level
    /// The text, without prefix.
    public var text: String

    /// Makes a notice.
    public init(_ level: Level, _ text: String) {
        self.level = level
        self.text = text
    }

    /// An INFO line.
    public static func info(_ text: String) -> Notice { Notice(.info, text) }
    /// A WARNING line.
    public static func warning(_ text: String) -> Notice { Notice(.warning, text) }

    /// `level: text`, for debugging.
    public var description: String { "\(level.rawValue): \(text)" }
}
