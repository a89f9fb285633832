/// How a child process ended.
public struct ProcessExit: Sendable, Equatable, CustomStringConvertible {
    /// The exit code; 128 + the signal number when a signal ended it; -1 when unknown.
    public let code: Int32
    /// The signal that ended the process, if one did.
    public let signal: Int32?

    /// Makes an exit from its parts.
    public init(code: Int32, signal: Int32?) {
        self.code = code
        self.signal = signal
    }

    /// Decodes a `waitpid` status (`WIFEXITED`/`WTERMSIG` are macros Swift cannot import).
    init(waitStatus status: Int32) {
        let signal = status & 0x7f
        if signal == 0 {
            self.init(code: (status >> 8) & 0xff, signal: nil)
        } else {
            self.init(code: 128 + signal, signal: signal)
        }
    }

    /// True when the process exited by itself with code 0.
    public var succeeded: Bool { code == 0 && signal == nil }

    /// `exit 3` or `signal 15`.
    public var description: String { signal.map { "signal \($0)" } ?? "exit \(code)" }
}
