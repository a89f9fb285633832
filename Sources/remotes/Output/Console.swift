import Glibc
import RemotesCore

/// Where batch output goes: tables and data to stdout, messages to stderr with Apptainer's
/// prefixes (`INFO:    `, `WARNING: `, `ERROR:   `, `FATAL:   `), coloured only on a terminal
/// outside `--batch` and without `NO_COLOR`. A notice is printed once per run.
///
/// This is the one way text reaches stdout and stderr, and every text passes `TerminalSafe`
/// on its way: control characters from servers, helpers or other users' files show as `\xNN`,
/// never as raw escape sequences. Newlines and tabs stay (our own multi-line output); the only
/// raw escape sequences written are the colours of the message prefixes.
final class Console {
    /// The message levels and their prefixes.
    enum Level: String {
        case info = "INFO:"
        case warning = "WARNING:"
        case error = "ERROR:"
        case fatal = "FATAL:"

        var colorCode: String {
            switch self {
            case .info: return "34"
            case .warning: return "33"
            case .error, .fatal: return "31"
            }
        }
    }

    private let useColor: Bool
    private var printed: Set<String> = []

    /// A console; colour is decided from `batch`, `noColor` and the environment.
    init(batch: Bool, noColor: Bool, environment: [String: String]) {
        let envNoColor = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        useColor = !batch && !noColor && !envNoColor && isatty(2) == 1
    }

    /// Writes `text` to stdout, control characters escaped (newlines and tabs kept).
    func out(_ text: String) {
        Console.write(1, text)
    }

    /// Writes one message line to stderr, control characters in `message` escaped.
    func log(_ level: Level, _ message: String) {
        let label = level.rawValue.padding(to: 8)
        let prefix = useColor ? "\u{1B}[\(level.colorCode)m\(label)\u{1B}[0m " : label + " "
        let line = prefix + TerminalSafe.escaped(message, keepingLineBreaks: true) + "\n"
        Console.writeRaw(2, line)
    }

    func info(_ message: String) { log(.info, message) }
    func warning(_ message: String) { log(.warning, message) }
    func fatal(_ message: String) { log(.fatal, message) }

    /// Writes all of `text` to a file descriptor, control characters escaped (newlines and tabs
    /// kept).
    static func write(_ fd: Int32, _ text: String) {
        writeRaw(fd, TerminalSafe.escaped(text, keepingLineBreaks: true))
    }

    /// Writes all of `text` as it is: only for text that is entirely ours (the coloured prefix).
    private static func writeRaw(_ fd: Int32, _ text: String) {
        FileSystem.writeAll(fd, Array(text.utf8))
    }

    /// Prints a core notice, once per run.
    func notice(_ notice: Notice) {
        guard printed.insert(notice.description).inserted else { return }
        log(notice.level == .info ? .info : .warning, notice.text)
    }

    /// Prints core notices, each once per run.
    func notices(_ notices: [Notice]) {
        for n in notices { notice(n) }
    }
}

extension String {
    /// The string padded with spaces to at least `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
