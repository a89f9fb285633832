import RemotesCore

/// The answer of a status check, short enough for the status cell plus detail for the message
/// line.
public struct EndpointStatus: Sendable, Equatable {
    /// A few words for the status cell (`OK`, `2/5 OK`, `token invalid`).
    public var summary: String
    /// True when every service answered and the token (if any) is valid.
    public var ok: Bool
    /// Lines for the message area.
    public var notices: [Notice]
    /// The keyserver service discovery announced, when the check learnt it (the built-in
    /// keyserver of a remote without a keyserver list of its own).
    public var builtinKeyserver: String?

    /// Makes a status.
    public init(summary: String, ok: Bool, notices: [Notice] = [], builtinKeyserver: String? = nil) {
        self.summary = summary
        self.ok = ok
        self.notices = notices
        self.builtinKeyserver = builtinKeyserver
    }
}
