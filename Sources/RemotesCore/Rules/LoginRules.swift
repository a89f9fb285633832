/// Where logins are kept in remote.yaml: endpoint tokens on the remote, registry and keyserver
/// logins in `Credentials`. These rules merge the system config in first and persist the
/// merged copies, as Apptainer's login and logout do.
extension ChangeContext {
    mutating func storeToken(remote name: String, token: String) throws(RemotesError) {
        useMergedUser()
        guard user.remotes[name] != nil else { throw .failed("\(name) is not a remote") }
        user.remotes[name]?.token = token
        notices.append(.info("Token stored in \(userPath)"))
    }

    mutating func clearToken(remote name: String) throws(RemotesError) {
        useMergedUser()
        guard user.remotes[name] != nil else { throw .failed("\(name) is not a remote") }
        user.remotes[name]?.token = ""
        notices.append(.info("Logout succeeded"))
    }

    mutating func storeCredential(_ credential: Credential) throws(RemotesError) {
        guard let key = LoginAddress(credential.uri) else {
            throw .usage("invalid login URI \(goQuoted(credential.uri))")
        }
        useMergedUser()
        user.credentials.removeAll { LoginAddress($0.uri) == key }
        user.credentials.append(credential)
        notices.append(.info("Token stored in \(userPath)"))
    }

    mutating func removeCredentials(uri: String) throws(RemotesError) {
        guard let key = LoginAddress(uri) else { throw .usage("invalid login URI \(goQuoted(uri))") }
        useMergedUser()
        let before = user.credentials.count
        user.credentials.removeAll { LoginAddress($0.uri) == key }
        removedCount = before - user.credentials.count
    }
}

/// A login URI reduced to scheme and host[:port] (Apptainer's `SameURI`), with Docker Hub's
/// names (`docker.io`, `index.docker.io`, `registry-1.docker.io`) taken as one.
public struct LoginAddress: Sendable, Equatable, Hashable {
    /// Lowercased scheme: docker, oras, http, https, hkp, hkps.
    public var scheme: String
    /// Lowercased host[:port].
    public var host: String

    /// Parses `scheme://host[:port][/path]`; nil without a scheme or host.
    public init?(_ uri: String) {
        guard HostName.isPrintableASCII(uri), let range = uri.range(of: "://") else { return nil }
        let scheme = uri[..<range.lowerBound].lowercased()
        let host = uri[range.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }.lowercased()
        guard !scheme.isEmpty, !host.isEmpty else { return nil }
        self.scheme = scheme
        self.host = LoginAddress.dockerHubAliases.contains(host) ? "docker.io" : host
    }

    /// True for registry logins (`docker://`, `oras://`).
    public var isRegistry: Bool { scheme == "docker" || scheme == "oras" }

    /// The names of Docker Hub.
    public static let dockerHubAliases: Set<String> = ["docker.io", "index.docker.io", "registry-1.docker.io"]
}
