/// A failure the user must hear about, carrying the message in Apptainer's words where
/// Apptainer has one. Front ends print `message` and map `category` to an exit code.
public struct RemotesError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of failure this is; decides the exit code.
    public enum Category: String, Sendable, Equatable {
        /// The command line or the input given is wrong (exit 64).
        case usage
        /// The operation was refused or failed (exit 1).
        case failed
        /// A configuration or credentials file could not be used: it does not parse, is not a
        /// regular file, is too large or unreadable (exit 65).
        case badFile
        /// A server could not be reached, timed out or answered with a server error (exit 69).
        case unavailable
        /// A file changed on disk since it was read; nothing was written (exit 75).
        case changedOnDisk
        /// Another process held a file's lock for longer than the wait allows; nothing was
        /// written (exit 75).
        case busy
        /// remotes caught itself about to do something wrong (a file it would write does not
        /// read back as intended) and stopped; nothing was written (exit 70).
        case internalError
    }

    /// The kind of failure.
    public var category: Category
    /// The message, without a level prefix.
    public var message: String

    /// Makes an error.
    public init(_ category: Category, _ message: String) {
        self.category = category
        self.message = message
    }

    /// An operation failure (`FATAL` in Apptainer).
    public static func failed(_ message: String) -> RemotesError { RemotesError(.failed, message) }
    /// A usage error.
    public static func usage(_ message: String) -> RemotesError { RemotesError(.usage, message) }
    /// A file that cannot be used.
    public static func badFile(_ message: String) -> RemotesError { RemotesError(.badFile, message) }

    /// The message.
    public var description: String { message }
}
