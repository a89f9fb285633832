/// A key press (or a paste), independent of how the terminal encoded it.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (Space is `" "`).
    case character(Character)
    /// Ctrl with a letter, lowercased (`.control("u")` is Ctrl-U).
    case control(Character)
    /// ↑.
    case up
    /// ↓.
    case down
    /// ←.
    case left
    /// →.
    case right
    /// Shift-↑ (or Alt-↑).
    case shiftUp
    /// Shift-↓ (or Alt-↓).
    case shiftDown
    /// Home.
    case home
    /// End.
    case end
    /// Page Up.
    case pageUp
    /// Page Down.
    case pageDown
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Enter or Return.
    case enter
    /// Esc.
    case escape
    /// Backspace.
    case backspace
    /// Delete.
    case delete
    /// A function key, F1 to F12.
    case function(Int)
    /// Text pasted in one go (bracketed paste).
    case paste(String)

    /// The name shown in hints, help and docs/keybindings.md.
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + String(c).uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .shiftUp: return "Shift-↑"
        case .shiftDown: return "Shift-↓"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .function(let n): return "F\(n)"
        case .paste: return "paste"
        }
    }

    /// The printable character of this key, if it types one.
    public var typedCharacter: Character? {
        if case .character(let c) = self { return c }
        return nil
    }
}
