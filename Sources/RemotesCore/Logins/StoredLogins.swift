/// The docker config files remotes knows (`DockerConfigSearch`), as read at one moment.
public struct DockerConfigSnapshot: Sendable {
    /// The files and the one Apptainer reads.
    public let search: DockerConfigSearch
    /// The files that exist and parse, by path.
    public let configs: [String: DockerConfigFile]
    /// A WARNING for each file that exists but cannot be read or parsed.
    public let notices: [Notice]

    /// Makes a snapshot from files already read (for tests).
    public init(search: DockerConfigSearch, configs: [String: DockerConfigFile], notices: [Notice] = []) {
        self.search = search
        self.configs = configs
        self.notices = notices
    }

    /// Reads the docker config files remotes knows (`DockerConfigSearch`) for `--authfile` (nil:
    /// none) and this environment.
    public static func read(authFile: String?, environment: [String: String], locations: ConfigLocations)
        -> DockerConfigSnapshot
    {
        read(DockerConfigSearch.resolve(authFile: authFile, environment: environment, locations: locations))
    }

    /// Reads every file of `search` that exists. A file that cannot be read or parsed is left
    /// out with a WARNING; nothing is written.
    public static func read(_ search: DockerConfigSearch) -> DockerConfigSnapshot {
        var configs: [String: DockerConfigFile] = [:]
        var notices: [Notice] = []
        for candidate in search.candidates where candidate.exists {
            do {
                let snapshot = try FileSnapshot.read(candidate.path)
                guard snapshot.exists else { continue }
                configs[candidate.path] = try DockerConfigFile(parsing: snapshot.text, path: candidate.path)
            } catch {
                notices.append(.warning("the registry logins in \(candidate.path) cannot be listed: \(error.message)"))
            }
        }
        return DockerConfigSnapshot(search: search, configs: configs, notices: notices)
    }
}

/// Builds the rows of `StoredLogin` from remote.yaml's `Credentials` and the docker config files:
/// the one place where it is decided where a login's secret lives and whether Apptainer uses it.
public enum StoredLogins {
    /// The logins of remote.yaml only, without looking at any other file (storage unknown).
    public static func recorded(_ credentials: [Credential], userFile: String) -> [StoredLogin] {
        credentials.map { credential in
            let kind = kind(of: credential.uri)
            guard kind == .registry else { return keyserverRow(credential, userFile: userFile) }
            return StoredLogin(uri: credential.uri, kind: kind, isInsecure: credential.insecure)
        }
    }

    /// Every login: remote.yaml's entries in file order, each with the first docker config file
    /// (in Apptainer's order) that holds its secret; then the registry credentials of every
    /// docker config file that no entry claimed, file by file, in each file's order. Keyserver
    /// secrets are in remote.yaml (`userFile`).
    public static func rows(credentials: [Credential], userFile: String, files: DockerConfigSnapshot) -> [StoredLogin] {
        var rows: [StoredLogin] = []
        var claimed: Set<String> = []
        for credential in credentials {
            let kind = kind(of: credential.uri)
            guard kind == .registry else {
                rows.append(keyserverRow(credential, userFile: userFile))
                continue
            }
            var row = StoredLogin(uri: credential.uri, kind: .registry, isInsecure: credential.insecure)
            if let registry = try? RegistryAddress(parsing: credential.uri),
                let found = files.search.candidates.lazy.compactMap({ locate(registry, in: $0.path, files) }).first
            {
                claimed.insert(claimKey(found.file, registry))
                fill(&row, with: found, search: files.search)
            }
            rows.append(row)
        }
        for candidate in files.search.candidates {
            guard let config = files.configs[candidate.path], let auths = config["auths"]?.members else { continue }
            for member in auths {
                guard let registry = registry(ofKey: member.key),
                    claimed.insert(claimKey(candidate.path, registry)).inserted,
                    let found = locate(registry, in: candidate.path, files)
                else { continue }
                var row = StoredLogin(uri: registry.uri, kind: .registry, isInsecure: false, isRecorded: false)
                fill(&row, with: found, search: files.search)
                rows.append(row)
            }
        }
        return rows
    }

    /// Where one file keeps a registry's secret.
    struct Found {
        var file: String
        var place: CredentialPlace
        var key: String
        var secret: StoredSecret?
    }

    /// The registry's secret in the file at `path`: the helper the file names for it when the
    /// file has an entry for it (docker writes an empty one), else the first of its `auths`
    /// entries that holds a secret.
    static func locate(_ registry: RegistryAddress, in path: String, _ files: DockerConfigSnapshot) -> Found? {
        guard let config = files.configs[path] else { return nil }
        let keys = config.authKeys(for: registry)
        guard !keys.isEmpty else { return nil }
        if let helper = config.credentialHelper(for: registry.serverKey) {
            return Found(file: path, place: .helper(name: helper, config: path), key: registry.serverKey, secret: nil)
        }
        for key in keys {
            if let secret = config.storedSecret(for: key) {
                return Found(file: path, place: .file(path), key: key, secret: secret)
            }
        }
        return nil
    }

    private static func fill(_ row: inout StoredLogin, with found: Found, search: DockerConfigSearch) {
        row.place = found.place
        row.serverKey = found.key
        row.shadowedBy = search.shadowingFile(of: found.file)
        if let secret = found.secret {
            row.username = secret.username
            row.tokenExpiry = TokenExpiry(jwt: secret.secret)
        }
    }

    private static func keyserverRow(_ credential: Credential, userFile: String) -> StoredLogin {
        var row = StoredLogin(uri: credential.uri, kind: .keyserver, isInsecure: credential.insecure)
        guard !credential.auth.isEmpty else { return row }
        row.place = .file(userFile)
        let parts = credential.auth.split(separator: " ", maxSplits: 1).map(String.init)
        row.authScheme = parts.first
        if parts.count == 2, parts[0].lowercased() == "basic" {
            row.username = AuthorizationHeader.decodeBasicToken(parts[1])?.username
        } else if parts.count == 2, parts[0].lowercased() == "bearer" {
            row.tokenExpiry = TokenExpiry(jwt: parts[1])
        }
        return row
    }

    /// `docker://HOST` for a docker config key, `docker://docker.io` for Docker Hub's; nil when
    /// the key's host is not a registry name.
    static func registry(ofKey key: String) -> RegistryAddress? {
        let host = DockerConfigFile.hostname(ofKey: key).lowercased()
        let name = LoginAddress.dockerHubAliases.contains(host) ? "docker.io" : host
        return try? RegistryAddress(parsing: "docker://" + name)
    }

    private static func claimKey(_ file: String, _ registry: RegistryAddress) -> String {
        file + "\u{0}" + registry.serverKey
    }

    static func kind(of uri: String) -> LoginKind {
        LoginAddress(uri)?.isRegistry == true ? .registry : .keyserver
    }
}
