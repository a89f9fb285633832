/// The characters the views draw with. Unicode on a UTF-8 terminal; plain ASCII otherwise, so
/// that lines never turn into `qqqq` on a terminal that cannot show them.
public struct Glyphs: Sendable, Equatable {
    /// A horizontal rule.
    public var horizontal: Character
    /// The focused pane's horizontal rule.
    public var heavyHorizontal: Character
    /// A vertical rule.
    public var vertical: Character
    /// The top-left box corner.
    public var topLeft: Character
    /// The top-right box corner.
    public var topRight: Character
    /// The bottom-left box corner.
    public var bottomLeft: Character
    /// The bottom-right box corner.
    public var bottomRight: Character
    /// A yes mark (default, global, secure, logged in).
    public var check: String
    /// An insecure mark.
    public var insecure: String
    /// One character of a hidden secret.
    public var secretDot: String
    /// Marks cut text.
    public var ellipsis: String
    /// The spinner frames.
    public var spinner: [String]
    /// The dot between hints.
    public var separator: String

    /// Box drawing and marks from Unicode.
    public static let unicode = Glyphs(
        horizontal: "─", heavyHorizontal: "━", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
        bottomRight: "┘", check: "✓",
        insecure: "✗!", secretDot: "•", ellipsis: "…", spinner: ["|", "/", "-", "\\"], separator: "·")

    /// ASCII only.
    public static let ascii = Glyphs(
        horizontal: "-", heavyHorizontal: "=", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
        bottomRight: "+", check: "Y",
        insecure: "!", secretDot: "*", ellipsis: "~", spinner: ["|", "/", "-", "\\"], separator: "|")

}
