import RemotesCore

/// What re-checking one stored login found (`LoginService.check`). Holds no secret: `reason`
/// quotes servers and helpers only after their words went through `SecretRedactor`.
public struct LoginHealth: Sendable, Equatable {
    /// The verdict.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        /// The server accepted the credential (or, for a registry that asks for none, answered
        /// without it).
        case valid
        /// The server refused the credential.
        case rejected
        /// The server refused it and it has expired: the token's `exp` is past, or the server
        /// said so.
        case expired
        /// No secret was found where the login should keep it (remote.yaml records a login whose
        /// docker config entry or helper entry is gone).
        case missing
        /// The server could not be reached, timed out, failed (5xx), or TLS failed.
        case unreachable
        /// It could not be checked for another reason: a helper that is not installed or fails,
        /// a file that does not parse, a kind of secret remotes does not log in with (docker's
        /// `identitytoken`), an answer that is not a registry's, or the check was cancelled.
        case unchecked

        /// True when the user must log in again: rejected, expired, missing.
        public var needsLogin: Bool { self == .rejected || self == .expired || self == .missing }

        /// True when nothing could be decided: unreachable, unchecked.
        public var isUndecided: Bool { self == .unreachable || self == .unchecked }
    }

    /// The login that was checked.
    public var login: StoredLogin
    /// The user name the check used (read from the helper when it keeps the secret); nil for a
    /// token, or when no secret was found.
    public var username: String?
    /// The verdict.
    public var status: Status
    /// Why, in one line: what the server answered, or what was missing.
    public var reason: String
    /// When the stored secret says it expires (a JWT's `exp`), also when only the helper knew it.
    public var tokenExpiry: TokenExpiry?

    /// Makes a result.
    public init(
        login: StoredLogin, username: String?, status: Status, reason: String, tokenExpiry: TokenExpiry? = nil
    ) {
        self.login = login
        self.username = username
        self.status = status
        self.reason = reason
        self.tokenExpiry = tokenExpiry
    }

    /// The exit status of a set of results, as `remotes registry status` uses it: 1 when any
    /// login needs a new login (that wins), else 69 when any could not be checked, else 0.
    public static func exitCategory(_ results: [LoginHealth]) -> RemotesError.Category? {
        if results.contains(where: { $0.status.needsLogin }) { return .failed }
        if results.contains(where: { $0.status.isUndecided }) { return .unavailable }
        return nil
    }
}
