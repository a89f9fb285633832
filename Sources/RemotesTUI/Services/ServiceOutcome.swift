import RemotesCore

/// What a finished login or logout asks the UI to do next.
public struct ServiceOutcome: Sendable, Equatable {
    /// INFO and WARNING lines to show (for example `Access Token Verified!`).
    public var notices: [Notice]
    /// The change to write, if any.
    public var change: ConfigChange?
    /// True when the service itself wrote the files (a registry login stores the secret and
    /// its `Credentials` entry under the store's lock): the UI reloads them.
    public var wroteFiles: Bool

    /// Makes an outcome.
    public init(notices: [Notice] = [], change: ConfigChange? = nil, wroteFiles: Bool = false) {
        self.notices = notices
        self.change = change
        self.wroteFiles = wroteFiles
    }
}
