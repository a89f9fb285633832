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
        /// Checking a stored registry or keyserver login again.
        case checkLogin(uri: String)
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
        case .checkLogin(let uri): return "check of the login to \(uri)"
        }
    }
}
