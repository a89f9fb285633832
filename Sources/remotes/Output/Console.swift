import RemotesCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where batch output goes: tables and data to stdout, messages to stderr with Apptainer's
/// prefixes (`INFO:    `, `WARNING: `, `ERROR:   `, `FATAL:   `), coloured only on a terminal
/// outside `--batch` and without `NO_COLOR`. A notice is printed once per run.
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

    /// Writes `text` to stdout as is.
    func out(_ text: String) {
        Console.write(1, text)
    }

    /// Writes one message line to stderr.
    func log(_ level: Level, _ message: String) {
        let label = level.rawValue.padding(to: 8)
        let prefix = useColor ? "\u{1B}[\(level.colorCode)m\(label)\u{1B}[0m " : label + " "
        let line = prefix + message + "\n"
        Console.write(2, line)
    }

    func info(_ message: String) { log(.info, message) }
    func warning(_ message: String) { log(.warning, message) }
    func fatal(_ message: String) { log(.fatal, message) }

    /// Writes all of `text` to a file descriptor.
    static func write(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
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
