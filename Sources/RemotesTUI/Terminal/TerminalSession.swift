import CNCurses
import Glibc
import RemotesCore

/// A running curses session on the process's terminal: started in a state fit for the UI,
/// and ended (terminal restored) exactly once.
final class TerminalSession {
    /// Why curses could not start.
    struct StartError: Error {
        var message: String
    }

    /// Whether the locale's character set is UTF-8 (else the ASCII glyphs are used).
    let utf8: Bool
    /// Whether the terminal reports the mouse.
    let mouse: Bool
    private var ended = false

    private init(utf8: Bool, mouse: Bool) {
        self.utf8 = utf8
        self.mouse = mouse
    }

    /// Starts curses: locale from the environment, cbreak without echo, keypad keys, a short
    /// Esc delay unless `ESCDELAY` is set, bracketed paste, mouse reports when `mouse` (button
    /// presses and the wheel; never motion), and a visible cursor (never
    /// `leaveok`, so screen readers can follow the selection).
    static func start(environment: [String: String], mouse: Bool = true) throws(StartError) -> TerminalSession {
        setlocale(LC_ALL, "")
        SignalWatch.unblock()
        // Take the size from the terminal, never from LINES/COLUMNS left in the environment
        // (ncurses would then ignore every resize).
        unsetenv("LINES")
        unsetenv("COLUMNS")
        guard nc_newterm_stdio() != nil else {
            let term = environment["TERM"] ?? ""
            throw StartError(message: "cannot start the full-screen UI on terminal type \"\(term)\"")
        }
        let session = TerminalSession(utf8: nc_codeset_is_utf8() != 0, mouse: mouse)
        if environment["ESCDELAY"] == nil { _ = set_escdelay(25) }
        _ = cbreak()
        _ = noecho()
        _ = nonl()
        _ = intrflush(nc_stdscr(), false)
        _ = keypad(nc_stdscr(), true)
        _ = curs_set(1)
        defineKeys()
        SignalWatch.install()
        writeRaw("\u{1B}[?2004h")  // bracketed paste on
        if mouse { _ = nc_mouse_on() }  // clicks and the wheel, in the form terminfo names
        return session
    }

    /// Teaches curses the sequences terminfo may not name: bracketed paste markers, and
    /// Shift/Alt with ↑/↓ as xterm-like terminals (and tmux) send them.
    private static func defineKeys() {
        _ = define_key("\u{1B}[200~", KeyDecoder.Custom.pasteBegin)
        _ = define_key("\u{1B}[201~", KeyDecoder.Custom.pasteEnd)
        let extra: [(String, Int32)] = [
            ("\u{1B}[1;2A", KeyDecoder.Custom.shiftUp), ("\u{1B}[1;2B", KeyDecoder.Custom.shiftDown),
            ("\u{1B}[1;3A", KeyDecoder.Custom.altUp), ("\u{1B}[1;3B", KeyDecoder.Custom.altDown),
        ]
        for (sequence, code) in extra where key_defined(sequence) <= 0 {
            _ = define_key(sequence, code)
        }
        for (name, code) in [("kUP3", KeyDecoder.Custom.altUp), ("kDN3", KeyDecoder.Custom.altDown)] {
            if let value = nc_tigetstr(name), key_defined(value) <= 0 { _ = define_key(value, code) }
        }
    }

    /// Restores the terminal; safe to call more than once.
    func end() {
        guard !ended else { return }
        ended = true
        if mouse { nc_mouse_off() }
        writeRaw("\u{1B}[?2004l")  // bracketed paste off
        _ = endwin()
        SignalWatch.restore()
    }

    private static func writeRaw(_ text: String) {
        FileSystem.writeAll(1, Array(text.utf8))
    }

    private func writeRaw(_ text: String) { Self.writeRaw(text) }
}
