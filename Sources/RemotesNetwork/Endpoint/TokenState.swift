import RemotesCore

/// What a status check found out about a remote's stored token.
public enum TokenState: Sendable, Equatable {
    /// No token is stored (logged out).
    case absent
    /// The token service accepted the token.
    case valid
    /// The token service refused the token (`error response from server: Invalid Credentials`).
    case invalid(RemotesError)
    /// A token is stored but could not be checked: discovery failed, there is no token service,
    /// or the token service did not answer properly.
    case unchecked(RemotesError)

    /// Apptainer's line for the state (`remote status`), e.g. `Valid authentication token set
    /// (logged in).`
    public var sentence: String {
        switch self {
        case .absent: return "No authentication token set (logged out)."
        case .valid: return "Valid authentication token set (logged in)."
        case .invalid: return "Authentication token is invalid (please login again)."
        case .unchecked: return "Authentication token set, but it could not be checked."
        }
    }

    /// The error of an invalid or unchecked token.
    public var error: RemotesError? {
        switch self {
        case .absent, .valid: return nil
        case .invalid(let error), .unchecked(let error): return error
        }
    }

    /// A one-word name for JSON and logs: `absent`, `valid`, `invalid`, `unchecked`.
    public var name: String {
        switch self {
        case .absent: return "absent"
        case .valid: return "valid"
        case .invalid: return "invalid"
        case .unchecked: return "unchecked"
        }
    }
}
