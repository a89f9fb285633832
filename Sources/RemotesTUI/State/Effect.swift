import RemotesCore

/// Work the UI state asks the event loop to do. The state never does I/O itself; the loop runs
/// each effect and reports its result back as a `UIEvent`.
enum Effect: Sendable, Equatable {
    /// Write a change through `ConfigStore.apply(_:expecting:)`; reported as `.changeApplied`.
    case apply(ConfigChange, expecting: ConfigState.Fingerprints?, origin: ChangeOrigin)
    /// Read the files again; reported as `.loaded`.
    case reload(ReloadReason)
    /// Start network work in its own task; reported as `.taskFinished`.
    case startTask(id: Int, request: ServiceRequest)
    /// Cancel a task started earlier; its result, if it still comes, is ignored.
    case cancelTask(id: Int)
    /// Ask the services about a registry login (a file read, no network); reported as
    /// `.registryLoginDescribed`.
    case describeRegistryLogin(uri: String)
    /// Leave the UI with this exit code.
    case quit(exitCode: Int32)
}

/// Why the files are read.
enum ReloadReason: Sendable, Equatable {
    /// The UI opened.
    case startup
    /// The user pressed `r`.
    case userRequest
    /// A write was refused because another program changed the files; the text is the core's
    /// message.
    case changedOnDisk(String)
    /// The loop saw the files change while nothing was being edited.
    case changedElsewhere
    /// A network task wrote the files (a registry login); the task's messages stay.
    case afterTask
}

/// Where a change came from, so the result lands in the right place (a form's error line, the
/// selection to keep).
enum ChangeOrigin: Sendable, Equatable {
    /// A key in a pane (use, remove, reorder, logout); select `select` in `pane` afterwards.
    case pane(Pane, select: String?)
    /// The form that is open.
    case form
    /// A login or logout that the services finished.
    case task(Int)
}
