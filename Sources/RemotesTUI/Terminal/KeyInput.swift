/// What the terminal reports: a key, or a new size.
public enum InputEvent: Sendable, Equatable {
    /// A key press or paste.
    case key(Key)
    /// The terminal was resized.
    case resize(ScreenSize)
}

/// Where the event loop reads input from: the terminal, or a script in tests.
public protocol KeyInput: AnyObject {
    /// The next input event, waiting at most `timeoutMilliseconds`; nil when none came.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
}
