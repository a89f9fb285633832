/// A mouse button press or wheel turn, at a cell of the screen (0-based). Only what the UI
/// acts on is reported: the left button pressed, and the wheel.
public struct MouseEvent: Sendable, Equatable {
    /// What the mouse did.
    public enum Action: Sendable, Equatable {
        /// The left button was pressed.
        case click
        /// The wheel turned away from the user (the list scrolls up).
        case wheelUp
        /// The wheel turned towards the user (the list scrolls down).
        case wheelDown
    }

    /// What the mouse did.
    public var action: Action
    /// The screen row, from 0 at the top.
    public var row: Int
    /// The screen column, from 0 at the left.
    public var column: Int

    /// Makes an event.
    public init(_ action: Action, row: Int, column: Int) {
        self.action = action
        self.row = row
        self.column = column
    }

    /// The event an xterm mouse report describes: `button` as the terminal encodes it (0 left,
    /// 1 middle, 2 right, 64 and 65 the wheel; 4, 8 and 16 add Shift, Alt and Ctrl, 32 marks a
    /// motion), at 1-based `x` and `y`. Nil for what the UI ignores (releases, motions, other
    /// buttons).
    static func report(button: Int, x: Int, y: Int, released: Bool) -> MouseEvent? {
        guard !released, button & 32 == 0, x >= 1, y >= 1 else { return nil }
        switch button & ~0b1_1100 {
        case 0: return MouseEvent(.click, row: y - 1, column: x - 1)
        case 64: return MouseEvent(.wheelUp, row: y - 1, column: x - 1)
        case 65: return MouseEvent(.wheelDown, row: y - 1, column: x - 1)
        default: return nil
        }
    }
}
