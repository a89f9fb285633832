import CNCurses

/// Keys from the curses session, with a timeout so the loop keeps turning while nothing is
/// typed (spinners, task results, signals).
final class CursesInput: KeyInput {
    private var decoder = KeyDecoder()

    /// The next key or resize, or nil after `timeoutMilliseconds` without input.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        wtimeout(nc_stdscr(), Int32(timeoutMilliseconds))
        var value: wint_t = 0
        let result = wget_wch(nc_stdscr(), &value)
        if result == ERR { return nil }
        let isKeyCode = result == nc_key_code_yes()
        if isKeyCode && Int32(value) == KEY_RESIZE {
            return .resize(ScreenSize(width: Int(nc_cols()), height: Int(nc_lines())))
        }
        return decoder.decode(UInt32(value), isKeyCode: isKeyCode)
    }
}
