import RemotesCore

/// The answer of a status check, short enough for the status cell plus detail for the message
/// line and the detail view.
public struct EndpointStatus: Sendable, Equatable {
    /// A few words for the status cell (`OK`, `2/5 OK`, `N/A: refused`).
    public var summary: String
    /// True when every service answered and the token (if any) is valid.
    public var ok: Bool
    /// Lines for the message area.
    public var notices: [Notice]
    /// The keyserver service discovery announced, when the check learnt it (the built-in
    /// keyserver of a remote without a keyserver list of its own).
    public var builtinKeyserver: String?
    /// Each service discovery announced, with its version or why it is N/A.
    public var services: [ServiceLine]
    /// Apptainer's sentence about the stored token (`Valid authentication token set (logged in).`).
    public var token: String?
    /// Who the token belongs to, when the endpoint says.
    public var user: String?

    /// Makes a status.
    public init(
        summary: String, ok: Bool, notices: [Notice] = [], builtinKeyserver: String? = nil,
        services: [ServiceLine] = [], token: String? = nil, user: String? = nil
    ) {
        self.summary = summary
        self.ok = ok
        self.notices = notices
        self.builtinKeyserver = builtinKeyserver
        self.services = services
        self.token = token
        self.user = user
    }
}

/// One service of an endpoint as its status check found it.
public struct ServiceLine: Sendable, Equatable {
    /// Its name as Apptainer shows it (`Library`).
    public var name: String
    /// Its URI from discovery.
    public var uri: String
    /// The version it answered with; nil when it did not answer.
    public var version: String?
    /// Why it is N/A (or was not asked); nil when it answered.
    public var problem: String?

    /// Makes a line.
    public init(name: String, uri: String, version: String?, problem: String?) {
        self.name = name
        self.uri = uri
        self.version = version
        self.problem = problem
    }
}

/// Who a registry login is for and where its secret is kept, read without the secret.
public struct RegistryLoginDetails: Sendable, Equatable {
    /// The user name, when the file tells it (a credential helper keeps it to itself).
    public var username: String?
    /// Where the secret is: the docker config file, or the credential helper it names.
    public var storedIn: String

    /// Makes details.
    public init(username: String?, storedIn: String) {
        self.username = username
        self.storedIn = storedIn
    }
}
