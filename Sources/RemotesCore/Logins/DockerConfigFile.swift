import RemotesJSON

/// A docker config file (`~/.docker/config.json`, Apptainer's `docker-config.json`) as far as
/// logins go: `auths` maps a registry to `{"auth": base64(user:password)}`, `credsStore` names a
/// credential helper for every registry and `credHelpers` one per registry. Every other key, and
/// the order of keys, is kept as read, so that a login changes nothing else in the file.
public struct DockerConfigFile: Sendable, Equatable {
    /// The top-level members, in file order.
    public private(set) var members: [JSONMember]

    /// An empty config (what a missing or empty file holds).
    public init() {
        members = []
    }

    /// Parses the text of `path` (used in messages). Empty text and `null` are an empty config,
    /// as docker reads them. Anything else that is not a JSON object, or whose `auths` or
    /// `credHelpers` is not an object, is refused with a message naming the file.
    public init(parsing text: String, path: String) throws(RemotesError) {
        guard text.contains(where: { !$0.isWhitespace }) else {
            members = []
            return
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(text)
        } catch {
            throw .badFile("\(path) is not valid JSON (\(error)): refusing to change it")
        }
        switch value {
        case .null:
            members = []
        case .object(let members):
            self.members = members
        default:
            throw .badFile("\(path) does not hold a JSON object: refusing to change it")
        }
        for key in ["auths", "credHelpers"] {
            if let entry = self[key], entry != .null, entry.members == nil {
                throw .badFile("\(path): \"\(key)\" is not a JSON object: refusing to change it")
            }
        }
    }

    /// The value of the last top-level member named `key`.
    public subscript(key: String) -> JSONValue? {
        members.last { $0.key == key }?.value
    }

    /// The file's text as docker writes it (tab-indented, no final newline).
    public var text: String { JSONWriter.indented(.object(members)) }

    /// `credsStore`, when it names a helper.
    public var credentialsStore: String? {
        guard let name = self["credsStore"]?.stringValue, !name.isEmpty else { return nil }
        return name
    }

    /// The credential helper that keeps the secret of `server` (a docker config key), if any:
    /// the `credHelpers` entry for the key or for its host name, else `credsStore`.
    public func credentialHelper(for server: String) -> String? {
        let helpers = self["credHelpers"]
        for key in DockerConfigFile.helperKeys(for: server) {
            if let name = helpers?[key]?.stringValue, !name.isEmpty { return name }
        }
        return credentialsStore
    }

    /// The keys `credHelpers` may use for `server`: the key itself, its host name without
    /// scheme and path (as docker's `ConvertToHostname`), and `docker.io` for Docker Hub.
    static func helperKeys(for server: String) -> [String] {
        var host = Substring(server)
        if let range = host.range(of: "://") { host = host[range.upperBound...] }
        host = host.prefix { $0 != "/" }
        var keys = [server, String(host)]
        if server == RegistryAddress.dockerHubServerKey { keys.append("docker.io") }
        var seen: Set<String> = []
        return keys.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The `auths` entry of `server`, if any.
    public func authEntry(for server: String) -> JSONValue? {
        self["auths"]?[server]
    }

    /// The user name and password in the `auth` of `server`, if there is one.
    public func credentials(for server: String) -> (username: String, password: String)? {
        guard let token = authEntry(for: server)?["auth"]?.stringValue else { return nil }
        return AuthorizationHeader.decodeBasicToken(token)
    }

    /// Stores `username`/`password` for `server` as `{"auth": base64}`, replacing the whole
    /// entry (an old `identitytoken` would otherwise win over it).
    public mutating func setCredentials(for server: String, username: String, password: String) {
        let token = AuthorizationHeader.basicToken(username: username, password: password)
        setAuthEntry(.object([JSONMember("auth", .string(token))]), for: server)
    }

    /// Records that `server`'s login lives in a credential helper: an empty entry, as docker
    /// writes it, so that no old secret stays in the file.
    public mutating func setHelperEntry(for server: String) {
        setAuthEntry(.object([]), for: server)
    }

    /// Removes the `auths` entries of `servers`; returns the entries that were there.
    @discardableResult
    public mutating func removeAuthEntries(for servers: [String]) -> [JSONMember] {
        guard var auths = self["auths"]?.members else { return [] }
        let targets = Set(servers)
        let removed = auths.filter { targets.contains($0.key) }
        guard !removed.isEmpty else { return [] }
        auths.removeAll { targets.contains($0.key) }
        setMember("auths", .object(auths))
        return removed
    }

    /// Sets one `auths` entry; `auths` is created when missing and kept sorted by key, as Go
    /// writes a map.
    private mutating func setAuthEntry(_ entry: JSONValue, for server: String) {
        var auths = self["auths"]?.members ?? []
        auths.removeAll { $0.key == server }
        auths.append(JSONMember(server, entry))
        auths.sort { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
        setMember("auths", .object(auths))
    }

    /// Replaces a top-level member in place (dropping duplicates), or appends it.
    private mutating func setMember(_ key: String, _ value: JSONValue) {
        if let first = members.firstIndex(where: { $0.key == key }) {
            members[first].value = value
            var index = members.count - 1
            while index > first {
                if members[index].key == key { members.remove(at: index) }
                index -= 1
            }
        } else if key == "auths" {
            members.insert(JSONMember(key, value), at: 0)
        } else {
            members.append(JSONMember(key, value))
        }
    }
}
