/// How long a change waits for another process's lock, and who hears that it is waiting.
///
/// Every wait is bounded: a lock held longer than `timeout` (by a stuck process, or by another
/// user who can open a lock file in a folder they own) ends the command with exit 75 and
/// "another process is editing FILE"; nothing is written.
public struct LockPolicy: Sendable {
    /// The longest wait for a lock.
    public var timeout: Duration
    /// Told once, with a sentence naming the file, when a lock is not free at once (`--verbose`).
    public var onWait: (@Sendable (String) -> Void)?

    /// A policy waiting at most `timeout`.
    public init(timeout: Duration = LockPolicy.defaultTimeout, onWait: (@Sendable (String) -> Void)? = nil) {
        self.timeout = timeout
        self.onWait = onWait
    }

    /// Ten seconds.
    public static let defaultTimeout: Duration = .seconds(10)

    /// The default wait, or `REMOTES_LOCK_TIMEOUT` seconds (a decimal number) when set.
    public static func timeout(environment: [String: String]) -> Duration {
        guard let text = environment["REMOTES_LOCK_TIMEOUT"], let seconds = Double(text), seconds >= 0,
            seconds <= 3600
        else { return defaultTimeout }
        return .milliseconds(Int64(seconds * 1000))
    }
}
