/// One stored login to a registry or keyserver, and where its secret lives: a remote.yaml
/// `Credentials` entry, or a registry credential found in a docker config file that remote.yaml
/// does not record (a `docker login`), or both. Holds no secret.
///
/// A registry may have several: one in the docker config file Apptainer reads, and others in
/// files it does not read because a file earlier in its order exists (`shadowedBy`).
public struct StoredLogin: Sendable, Equatable, Hashable {
    /// What was logged in to, e.g. `docker://registry.example.com` or `https://keys.example.com`.
    public var uri: String
    /// Registry or keyserver.
    public var kind: LoginKind
    /// http allowed, TLS not verified.
    public var isInsecure: Bool
    /// remote.yaml has a `Credentials` entry for it (false for a credential found only in a
    /// docker config file).
    public var isRecorded: Bool
    /// Where its secret is: the docker config file, the credential helper it names, or
    /// remote.yaml for a keyserver. Nil when no secret was found, or the files were not read
    /// (see `ConfigOverview.storesKnown`).
    public var place: CredentialPlace?
    /// For a registry: the key its secret is kept under in the file or helper (`host:port`,
    /// `https://index.docker.io/v1/`).
    public var serverKey: String?
    /// The user name when it can be read without asking a helper (a file's `auth`, a keyserver's
    /// Basic header); nil otherwise, and for a keyserver's Bearer token.
    public var username: String?
    /// The docker config file that Apptainer reads instead of this one, when it does not read
    /// this one; nil when Apptainer uses this credential.
    public var shadowedBy: String?
    /// When the stored secret is a JWT with an `exp` claim, readable without a helper.
    public var tokenExpiry: TokenExpiry?
    /// How a keyserver login authenticates (`Basic`, `Bearer`); nil for registries.
    public var authScheme: String?

    /// Makes a login row.
    public init(
        uri: String, kind: LoginKind, isInsecure: Bool, isRecorded: Bool = true, place: CredentialPlace? = nil,
        serverKey: String? = nil, username: String? = nil, shadowedBy: String? = nil, tokenExpiry: TokenExpiry? = nil
    ) {
        self.uri = uri
        self.kind = kind
        self.isInsecure = isInsecure
        self.isRecorded = isRecorded
        self.place = place
        self.serverKey = serverKey
        self.username = username
        self.shadowedBy = shadowedBy
        self.tokenExpiry = tokenExpiry
    }

    /// True when Apptainer would not use this credential.
    public var isShadowed: Bool { shadowedBy != nil }

    /// The STORED IN cell: the file or helper, `(shadowed by FILE)` after it when Apptainer does
    /// not read it, or `(no secret found)`.
    public var storedInCell: String {
        guard let place else { return "(no secret found)" }
        return place.cell + (shadowedBy.map { " (shadowed by \($0))" } ?? "")
    }

    /// True when `uri` names the same registry (same key, any of docker:// and oras://) or the
    /// same keyserver (`KeyserverAddress` equality) as this login.
    public func matches(_ uri: String) -> Bool {
        switch kind {
        case .registry:
            guard let given = try? RegistryAddress(parsing: uri), let own = try? RegistryAddress(parsing: self.uri)
            else { return false }
            return given.serverKey == own.serverKey
        case .keyserver:
            guard let given = KeyserverAddress(uri) else { return false }
            return KeyserverAddress(self.uri) == given
        }
    }
}
