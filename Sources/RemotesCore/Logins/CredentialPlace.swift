/// Where the secret of a login is kept: in a file (a docker config's `auths`, or remote.yaml's
/// `Credentials` for a keyserver), or in the docker credential helper that a docker config names
/// for the registry (`credHelpers`, else `credsStore`).
public enum CredentialPlace: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The file at this path.
    case file(String)
    /// The credential helper `docker-credential-<name>`, named by the docker config at `config`.
    case helper(name: String, config: String)

    /// The file path, or `docker-credential-<name> (the credential helper named in <file>)`: the
    /// words of `Token stored in …` and `Token removed from …`.
    public var description: String {
        switch self {
        case .file(let path): return path
        case .helper(let name, let config):
            return "docker-credential-\(name) (the credential helper named in \(config))"
        }
    }

    /// A shorter form for table cells: the path, or `docker-credential-<name> (named in <file>)`.
    public var cell: String {
        switch self {
        case .file(let path): return path
        case .helper(let name, let config): return "docker-credential-\(name) (named in \(config))"
        }
    }

    /// The file: the one holding the secret, or the docker config naming the helper.
    public var file: String {
        switch self {
        case .file(let path), .helper(_, let path): return path
        }
    }

    /// The helper's name, nil for a file.
    public var helperName: String? {
        if case .helper(let name, _) = self { return name }
        return nil
    }
}
