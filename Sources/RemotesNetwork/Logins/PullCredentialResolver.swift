import RemotesCore

/// Which credential a pull of an image would send, found as Apptainer finds it: the
/// `APPTAINER_DOCKER_USERNAME`/`APPTAINER_DOCKER_PASSWORD` variables when set, else the docker
/// config file Apptainer reads (`DockerConfigSearch`) and the helpers it names
/// (`PullCredentialPlan`). Holds no secret.
public struct PullCredentialExplanation: Sendable, Equatable {
    /// Where the credential comes from.
    public enum Source: Sendable, Equatable {
        /// `APPTAINER_DOCKER_USERNAME`/`APPTAINER_DOCKER_PASSWORD` (as `--docker-username` and
        /// `--docker-password`): no stored login is used.
        case environment(username: String)
        /// A stored login: where, under which key, and whose.
        case stored(place: CredentialPlace, key: String, username: String)
        /// None: the pull is anonymous.
        case anonymous
    }

    /// The reference, as go-containerregistry reads it.
    public var reference: PullReference
    /// The docker config files and the one Apptainer reads.
    public var search: DockerConfigSearch
    /// Where the credential comes from.
    public var source: Source
    /// Credentials for the same registry in files Apptainer does not read.
    public var shadowed: [StoredLogin]
    /// WARNINGs (a docker config file that cannot be read).
    public var notices: [Notice]
}

/// Explains which credential a pull would send (`remotes registry which`). Runs a credential
/// helper's `get` when the plan asks a helper, as a pull would; never prints or keeps the secret.
public struct PullCredentialResolver: Sendable {
    /// The process environment: `APPTAINER_AUTH_FILE`, `DOCKER_CONFIG`, the pull variables, PATH.
    public let environment: [String: String]
    /// Where remote.yaml (and so the Apptainer folder) is.
    public let locations: ConfigLocations
    /// How long one credential helper call may take.
    public let helperTimeout: Duration

    /// A resolver for this environment and these files.
    public init(environment: [String: String], locations: ConfigLocations, helperTimeout: Duration = .seconds(30)) {
        self.environment = environment
        self.locations = locations
        self.helperTimeout = helperTimeout
    }

    /// The variables that give a pull its credentials instead of the docker config.
    public static let usernameVariable = "APPTAINER_DOCKER_USERNAME"
    /// See `usernameVariable`.
    public static let passwordVariable = "APPTAINER_DOCKER_PASSWORD"

    /// Explains the pull of `uri` (`docker://…` or `oras://…`) with `--authfile` `authFile`.
    public func explain(_ uri: String, authFile: String?) async throws(RemotesError) -> PullCredentialExplanation {
        let reference = try PullReference(parsing: uri)
        let files = DockerConfigSnapshot.read(authFile: authFile, environment: environment, locations: locations)
        let registryURI = reference.registryAddress?.uri
        let shadowed = StoredLogins.rows(credentials: [], userFile: locations.userFile, files: files).filter {
            login in login.isShadowed && registryURI.map { login.matches($0) } == true
        }
        var explanation = PullCredentialExplanation(
            reference: reference, search: files.search, source: .anonymous, shadowed: shadowed, notices: files.notices)
        let user = environment[Self.usernameVariable] ?? ""
        if !user.isEmpty || !(environment[Self.passwordVariable] ?? "").isEmpty {
            explanation.source = .environment(username: user)
            return explanation
        }
        let inUse = files.search.inUse.path
        guard let config = files.configs[inUse] else { return explanation }
        for step in PullCredentialPlan(reference: reference, config: config).steps {
            switch step {
            case .file(_, let entryKey):
                let username = config.storedSecret(for: entryKey)?.username ?? ""
                explanation.source = .stored(place: .file(inUse), key: entryKey, username: username)
                return explanation
            case .helper(let name, let key):
                let helper = try CredentialHelper(name: name, environment: environment, timeout: helperTimeout)
                if let found = try await helper.get(server: key) {
                    explanation.source = .stored(
                        place: .helper(name: name, config: inUse), key: key, username: found.username)
                    return explanation
                }
            }
        }
        return explanation
    }
}
