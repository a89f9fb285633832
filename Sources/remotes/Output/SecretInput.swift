import Glibc
import RemotesCore

/// Reading secrets and answers from the user: all of stdin for `--password-stdin`, a hidden
/// prompt on a terminal, and `[y/N]` questions. Nothing read here is ever echoed or logged.
enum SecretInput {
    /// The largest secret read from stdin (1 MiB).
    static let stdinLimit = 1 << 20

    /// All of stdin, with one trailing newline (and then one carriage return) removed, as
    /// docker and Apptainer do.
    static func readStandardInput() throws(RemotesError) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .failed("Failed to read password from stdin: \(FileSystem.errorText())")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > stdinLimit { throw .usage("the secret on stdin is larger than \(stdinLimit) bytes") }
        }
        if bytes.last == 10 { bytes.removeLast() }
        if bytes.last == 13 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Prints `prompt` to stderr and reads one line from the terminal without echo. Nil at EOF.
    ///
    /// Echo goes off before the prompt is printed, and with `TCSANOW`, not `TCSAFLUSH`: a
    /// token pasted (or typed by a script) as soon as the prompt shows is kept, never
    /// discarded by the switch and never echoed.
    static func readHidden(prompt: String) -> String? {
        var saved = termios()
        let isTerminal = tcgetattr(0, &saved) == 0
        if isTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            _ = tcsetattr(0, TCSANOW, &quiet)
        }
        defer {
            if isTerminal { _ = tcsetattr(0, TCSANOW, &saved) }
        }
        Console.write(2, prompt)
        return readLine(strippingNewline: true)
    }

    /// Asks a `[y/N]` question on stdout; empty or EOF means no. Apptainer's rule: `y`, `yes`,
    /// `n`, `no` in any case; anything else is an error.
    static func confirm(_ question: String) throws(RemotesError) -> Bool {
        Console.write(1, question)
        guard let answer = readLine(strippingNewline: true) else { return false }
        switch answer.lowercased() {
        case "y", "yes": return true
        case "", "n", "no": return false
        default: throw .usage("while reading input: invalid answer: \"\(answer)\"")
        }
    }
}
