/// What a finished child process left behind.
public struct ProcessResult: Sendable {
    /// How it ended (after a timeout: killed by SIGKILL).
    public let exit: ProcessExit
    /// True when the timeout ran out and the process was killed.
    public let timedOut: Bool
    /// Everything it wrote to standard output.
    public let standardOutput: [UInt8]
    /// Everything it wrote to standard error.
    public let standardError: [UInt8]

    /// Makes a result from its parts.
    public init(exit: ProcessExit, timedOut: Bool, standardOutput: [UInt8], standardError: [UInt8]) {
        self.exit = exit
        self.timedOut = timedOut
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// The exit code (128 + signal when a signal ended it).
    public var status: Int32 { exit.code }
    /// Standard output decoded as UTF-8.
    public var stdout: String { String(decoding: standardOutput, as: UTF8.self) }
    /// Standard error decoded as UTF-8.
    public var stderr: String { String(decoding: standardError, as: UTF8.self) }
    /// True when the process exited with code 0 before the timeout.
    public var succeeded: Bool { exit.succeeded && !timedOut }
}
