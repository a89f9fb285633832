import RemotesCore
import RemotesNetwork

/// Everything that can happen to the UI: input, time, and the results of effects.
enum UIEvent: Sendable {
    /// A key pressed on its own (or a paste).
    case key(Key)
    /// A key that arrived together with others without brackets (a terminal's paste, a
    /// macro): it acts as usual, except that it never answers a confirmation.
    case burstKey(Key)
    /// A mouse click or wheel turn.
    case mouse(MouseEvent)
    /// The terminal's new size.
    case resize(ScreenSize)
    /// Time passed while tasks run (spinners turn).
    case tick
    /// A frame is on the screen (a confirmation it shows may now be answered).
    case drawn
    /// The files were read.
    case loaded(ReloadReason, Result<LoadedConfig, RemotesError>)
    /// A change was written, or refused.
    case changeApplied(ChangeOrigin, ConfigChange, Result<AppliedChange, RemotesError>)
    /// A task finished (or failed, or saw its cancellation).
    case taskFinished(id: Int, result: ServiceResult)
    /// The services told who a registry login is for and where it is kept.
    case registryLoginDescribed(uri: String, RegistryLoginDetails?)
}

/// What a service call answered.
enum ServiceResult: Sendable, Equatable {
    /// A status check.
    case status(Result<EndpointStatus, RemotesError>)
    /// A login or logout.
    case outcome(Result<ServiceOutcome, RemotesError>)
    /// A stored login checked again (never an error: the health says why).
    case loginHealth(LoginHealth)
}

/// A change that was written, and the files after it.
struct AppliedChange: Sendable {
    /// Apptainer's INFO and WARNING lines.
    var notices: [Notice]
    /// The files after the change.
    var config: LoadedConfig
}
