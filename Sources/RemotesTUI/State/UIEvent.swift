import RemotesCore

/// Everything that can happen to the UI: input, time, and the results of effects.
enum UIEvent: Sendable {
    /// A key press or paste.
    case key(Key)
    /// The terminal's new size.
    case resize(ScreenSize)
    /// Time passed while tasks run (spinners turn).
    case tick
    /// The files were read.
    case loaded(ReloadReason, Result<LoadedConfig, RemotesError>)
    /// A change was written, or refused.
    case changeApplied(ChangeOrigin, Result<AppliedChange, RemotesError>)
    /// A task finished (or failed, or saw its cancellation).
    case taskFinished(id: Int, result: ServiceResult)
}

/// What a service call answered.
enum ServiceResult: Sendable, Equatable {
    /// A status check.
    case status(Result<EndpointStatus, RemotesError>)
    /// A login or logout.
    case outcome(Result<ServiceOutcome, RemotesError>)
}

/// A change that was written, and the files after it.
struct AppliedChange: Sendable {
    /// Apptainer's INFO and WARNING lines.
    var notices: [Notice]
    /// The files after the change.
    var config: LoadedConfig
}
