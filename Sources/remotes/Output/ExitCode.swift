import ArgumentParser
import RemotesCore

/// The exit codes of `remotes` (documented in the README, "Exit codes").
enum RemotesExit {
    /// Success.
    static let ok: Int32 = 0
    /// The operation was refused or failed.
    static let failed: Int32 = 1
    /// The command line or input was wrong (EX_USAGE, as swift-argument-parser uses).
    static let usage: Int32 = 64
    /// A config or credentials file could not be used (EX_DATAERR).
    static let badFile: Int32 = 65
    /// A server could not be reached, timed out, or failed (EX_UNAVAILABLE).
    static let unavailable: Int32 = 69
    /// A file changed while it was being edited, or another process held its lock too long;
    /// nothing was written (EX_TEMPFAIL).
    static let changedOnDisk: Int32 = 75
    /// remotes stopped itself before writing a file it could not read back (EX_SOFTWARE).
    static let internalError: Int32 = 70
    /// Interrupted by Ctrl-C.
    static let interrupted: Int32 = 130

    /// The code for a core error.
    static func code(for error: RemotesError) -> Int32 {
        switch error.category {
        case .usage: return usage
        case .failed: return failed
        case .badFile: return badFile
        case .unavailable: return unavailable
        case .changedOnDisk, .busy: return changedOnDisk
        case .internalError: return internalError
        }
    }
}

/// A failure already printed; the command exits with `code`.
struct Exit: Error {
    /// The exit code.
    var code: Int32
}
