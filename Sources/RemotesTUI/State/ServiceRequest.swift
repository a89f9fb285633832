import RemotesCore

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
    /// `TUIServices.checkLogin(_:)`: a stored login checked again, nothing stored.
    case checkLogin(StoredLogin)

    /// The same request without its secret, for the UI state.
    var kind: PendingTask.Kind {
        switch self {
        case .status(let remote): return .status(remote: remote)
        case .loginEndpoint(let remote, _): return .loginEndpoint(remote: remote)
        case .loginRegistry(let uri, _, _, _): return .loginRegistry(uri: uri)
        case .logoutRegistry(let uri): return .logoutRegistry(uri: uri)
        case .checkLogin(let login): return .checkLogin(uri: login.uri)
        }
    }

    /// True for the requests whose service writes the files itself (registry and keyserver
    /// logins and logouts go through `LoginService`).
    var writesFiles: Bool {
        switch self {
        case .loginRegistry, .logoutRegistry: return true
        case .status, .loginEndpoint, .checkLogin: return false
        }
    }
}
