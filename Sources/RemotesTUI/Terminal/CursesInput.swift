import CNCurses

/// Keys from the curses session, with a timeout so the loop keeps turning while nothing is
/// typed (spinners, task results, signals). An ESC becomes the Esc key only when nothing
/// follows it at once; otherwise it starts a sequence the decoder reads to its end.
final class CursesInput: KeyInput {
    private var decoder = KeyDecoder()

    /// The next key, mouse event or resize, or nil after `timeoutMilliseconds` without one.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        var wait = timeoutMilliseconds
        while true {
            guard let (value, isKeyCode) = read(timeoutMilliseconds: wait) else { return decoder.flush() }
            if isKeyCode && Int32(value) == KEY_RESIZE {
                return .resize(ScreenSize(width: Int(nc_cols()), height: Int(nc_lines())))
            }
            if isKeyCode && Int32(value) == KEY_MOUSE {
                if let mouse = Self.mouseEvent() { return .mouse(mouse) }
                continue
            }
            if let event = decoder.decode(value, isKeyCode: isKeyCode) { return event }
            // Part of a sequence or a paste: the rest is already waiting, or never comes.
            wait = 0
        }
    }

    /// The click or wheel turn curses decoded (nil for what the UI ignores).
    private static func mouseEvent() -> MouseEvent? {
        var row: Int32 = 0
        var column: Int32 = 0
        let actions: [Int32: MouseEvent.Action] = [1: .click, 2: .wheelUp, 3: .wheelDown]
        guard let action = actions[nc_mouse_event(&row, &column)] else { return nil }
        return MouseEvent(action, row: Int(row), column: Int(column))
    }

    private func read(timeoutMilliseconds: Int) -> (UInt32, Bool)? {
        wtimeout(nc_stdscr(), Int32(timeoutMilliseconds))
        var value: wint_t = 0
        let result = wget_wch(nc_stdscr(), &value)
        if result == ERR { return nil }
        return (UInt32(value), result == nc_key_code_yes())
    }
}
