import RemotesCore

/// A token the endpoint accepted, ready to be stored: the change to apply and what to tell the
/// user (`Access Token Verified!`).
public struct VerifiedToken: Sendable, Equatable {
    /// The remote it belongs to.
    public var remote: String
    /// Lines to show before the change is applied.
    public var notices: [Notice]
    /// `.storeToken(remote:token:)`, to hand to `ConfigStore.apply`.
    public var change: ConfigChange

    /// Makes a verified token.
    public init(remote: String, notices: [Notice], change: ConfigChange) {
        self.remote = remote
        self.notices = notices
        self.change = change
    }
}
