/// What the terminal reports: a key, a mouse event, or a new size.
public enum InputEvent: Sendable, Equatable {
    /// A key press or paste.
    case key(Key)
    /// A mouse click or wheel turn.
    case mouse(MouseEvent)
    /// The terminal was resized.
    case resize(ScreenSize)
}

/// Where the event loop reads input from: the terminal, or a script in tests.
public protocol KeyInput: AnyObject {
    /// The next input event, waiting at most `timeoutMilliseconds`; nil when none came. With a
    /// timeout of 0 it answers whether more input is already waiting (keys that arrived
    /// together with the last one).
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
}
