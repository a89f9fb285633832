import RemotesJSON

/// What an `auths` entry of a docker config holds, read as docker's `LoadFromReader` reads it.
/// It holds a secret: it describes itself without it, and must never be printed.
public struct StoredSecret: Sendable, Equatable, CustomStringConvertible {
    /// What kind of secret it is.
    public enum Kind: Sendable, Equatable {
        /// A password (from `auth` or `password`), sent with HTTP Basic or to a token server.
        case password
        /// docker's `identitytoken`: an OAuth refresh token for the registry's token server.
        case identityToken
        /// `registrytoken`: a Bearer token sent to the registry as it is.
        case registryToken
    }

    /// The user name ("" when the entry has none).
    public var username: String
    /// The secret.
    public var secret: String
    /// What it is.
    public var kind: Kind

    /// Makes a value.
    public init(username: String, secret: String, kind: Kind) {
        self.username = username
        self.secret = secret
        self.kind = kind
    }

    /// `StoredSecret(user: NAME)`, without the secret.
    public var description: String { "StoredSecret(user: \(username))" }
}

extension DockerConfigFile {
    /// The host of a docker config key, as docker's `ConvertToHostname` finds it: without an
    /// `http://` or `https://` scheme and without a path (`https://index.docker.io/v1/` →
    /// `index.docker.io`).
    public static func hostname(ofKey key: String) -> String {
        var rest = Substring(key)
        for scheme in ["http://", "https://"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
        }
        return String(rest.prefix { $0 != "/" })
    }

    /// The registry a key names, as the login rules compare registries: the host lowercased,
    /// Docker Hub's names as `docker.io`.
    static func registryName(ofKey key: String) -> String {
        let host = hostname(ofKey: key).lowercased()
        return LoginAddress.dockerHubAliases.contains(host) ? "docker.io" : host
    }

    /// The `auths` keys that belong to `registry`: its own key first, then every other key
    /// whose host is the registry's (`https://host`, `host/v1/`, Docker Hub's other names), in
    /// file order.
    public func authKeys(for registry: RegistryAddress) -> [String] {
        guard let auths = self["auths"]?.members else { return [] }
        let name = LoginAddress.dockerHubAliases.contains(registry.authority) ? "docker.io" : registry.authority
        var keys = auths.contains { $0.key == registry.serverKey } ? [registry.serverKey] : []
        for member in auths where member.key != registry.serverKey && !keys.contains(member.key) {
            if DockerConfigFile.registryName(ofKey: member.key) == name { keys.append(member.key) }
        }
        return keys
    }

    /// The helper a pull uses for exactly `key`, as docker's `GetCredentialsStore` chooses it:
    /// `credHelpers[key]` (the key as it is), else `credsStore`.
    public func pullHelper(for key: String) -> String? {
        if let name = self["credHelpers"]?[key]?.stringValue, !name.isEmpty { return name }
        return credentialsStore
    }

    /// The `auths` entry of `key` as docker's file store finds it: the key itself, else the
    /// first key (in file order) whose host is `key`. Returns the key found.
    public func fileStoreKey(for key: String) -> String? {
        guard let auths = self["auths"]?.members else { return nil }
        if auths.contains(where: { $0.key == key }) { return key }
        return auths.first { DockerConfigFile.hostname(ofKey: $0.key) == key }?.key
    }

    /// The secret in the `auths` entry of `key`: `auth` (base64 `user:password`), else
    /// `username`/`password`, `identitytoken` or `registrytoken`. Nil when the entry is missing
    /// or holds none of these (an empty `{}` entry, as docker leaves for a helper).
    public func storedSecret(for key: String) -> StoredSecret? {
        guard let entry = authEntry(for: key), entry.members != nil else { return nil }
        let username = entry["username"]?.stringValue ?? ""
        if let identity = entry["identitytoken"]?.stringValue, !identity.isEmpty {
            return StoredSecret(username: username, secret: identity, kind: .identityToken)
        }
        if let auth = entry["auth"]?.stringValue, !auth.isEmpty,
            let decoded = AuthorizationHeader.decodeBasicToken(auth)
        {
            return StoredSecret(username: decoded.username, secret: decoded.password, kind: .password)
        }
        if let password = entry["password"]?.stringValue, !password.isEmpty {
            return StoredSecret(username: username, secret: password, kind: .password)
        }
        if let token = entry["registrytoken"]?.stringValue, !token.isEmpty {
            return StoredSecret(username: username, secret: token, kind: .registryToken)
        }
        return nil
    }

    /// True when the `auths` entry of `key` holds anything docker would read as a credential
    /// (a secret, a user name, an e-mail), so that a pull stops looking for another.
    public func entryIsEmpty(for key: String) -> Bool {
        guard let members = authEntry(for: key)?.members else { return true }
        return !members.contains { member in
            if let text = member.value.stringValue { return !text.isEmpty }
            return !member.value.isNull
        }
    }
}
