import RemotesCore

/// What a finished login or logout asks the UI to do next.
public struct ServiceOutcome: Sendable, Equatable {
    /// INFO and WARNING lines to show (for example `Access Token Verified!`).
    public var notices: [Notice]
    /// The change to write, if any.
    public var change: ConfigChange?

    /// Makes an outcome.
    public init(notices: [Notice] = [], change: ConfigChange? = nil) {
        self.notices = notices
        self.change = change
    }
}
