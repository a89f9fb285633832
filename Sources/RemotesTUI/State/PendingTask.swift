/// Network work the UI started and waits for, shown with a spinner on the affected row.
struct PendingTask: Sendable, Equatable {
    /// What the task does, without any secret it was given.
    enum Kind: Sendable, Equatable {
        /// Status of an endpoint.
        case status(remote: String)
        /// Verifying a token for an endpoint.
        case loginEndpoint(remote: String)
        /// Checking a registry or keyserver login.
        case loginRegistry(uri: String)
        /// Erasing a registry login.
        case logoutRegistry(uri: String)
    }

    /// The task's number, unique for the session.
    var id: Int
    /// What it does.
    var kind: Kind

    /// The endpoint whose row shows the spinner, if any.
    var endpoint: String? {
        switch kind {
        case .status(let remote), .loginEndpoint(let remote): return remote
        default: return nil
        }
    }

    /// What the message line says while it runs or when it is cancelled.
    var summary: String {
        switch kind {
        case .status(let remote): return "status of \(remote)"
        case .loginEndpoint(let remote): return "login to \(remote)"
        case .loginRegistry(let uri): return "login to \(uri)"
        case .logoutRegistry(let uri): return "logout from \(uri)"
        }
    }
}

/// The request handed to the services when a task starts. Unlike `PendingTask.Kind` it may hold
/// a secret, so it lives only in the effect, never in the UI state.
enum ServiceRequest: Sendable, Equatable {
    /// `TUIServices.status(of:)`.
    case status(remote: String)
    /// `TUIServices.loginEndpoint(name:token:)`.
    case loginEndpoint(remote: String, token: String)
    /// `TUIServices.loginRegistry(uri:username:password:insecure:)`.
    case loginRegistry(uri: String, username: String, password: String, insecure: Bool)
    /// `TUIServices.logoutRegistry(uri:)`.
    case logoutRegistry(uri: String)

    /// The same request without its secret, for the UI state.
    var kind: PendingTask.Kind {
        switch self {
        case .status(let remote): return .status(remote: remote)
        case .loginEndpoint(let remote, _): return .loginEndpoint(remote: remote)
        case .loginRegistry(let uri, _, _, _): return .loginRegistry(uri: uri)
        case .logoutRegistry(let uri): return .logoutRegistry(uri: uri)
        }
    }
}

/// What the status cell of an endpoint says.
enum StatusCell: Sendable, Equatable {
    /// A check is running.
    case running
    /// The last check's short answer.
    case done(String, ok: Bool)
}
