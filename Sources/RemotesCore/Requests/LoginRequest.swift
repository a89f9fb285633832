/// A login to an OCI registry (`docker://HOST[:PORT]`, `oras://…`) or a configured keyserver
/// (`https://…`, `http://…`, `hkp://…`, `hkps://…`). Its description never shows the password.
public struct LoginRequest: Sendable, CustomStringConvertible {
    /// The registry or keyserver URI as the user gave it.
    public var uri: String
    /// The user name; empty sends the password as a Bearer token (keyservers only).
    public var username: String
    /// The password or token.
    public var password: String
    /// `--insecure`: plain http allowed and TLS not verified, for this registry or keyserver.
    public var insecure: Bool
    /// `--authfile`: the docker config file for registry logins (nil: the usual choice, see
    /// `DockerConfigLocation`).
    public var authFile: String?

    /// Makes a request.
    public init(uri: String, username: String, password: String, insecure: Bool = false, authFile: String? = nil) {
        self.uri = uri
        self.username = username
        self.password = password
        self.insecure = insecure
        self.authFile = authFile
    }

    /// `login <uri> as <username>`, without the password.
    public var description: String {
        "login \(uri) as \(username.isEmpty ? "(token)" : username)\(insecure ? ", insecure" : "")"
    }
}

extension LoginRequest: ValidatedRequest {
    /// The URI names a registry or a keyserver, a registry login has a user name, and there is a
    /// password. Whether a keyserver is configured is decided later, with the files.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if uri.trimmingSpaces.isEmpty {
            errors.append(
                FieldError(.uri, .usage("a URI is required (docker://HOST, oras://HOST or https://KEYSERVER)")))
        } else {
            do {
                switch try LoginKind(uri: uri) {
                case .registry:
                    errors.check(.uri) { () throws(RemotesError) in _ = try RegistryAddress(parsing: uri) }
                    if username.isEmpty {
                        errors.append(FieldError(.username, .usage("Docker/OCI registry requires a username")))
                    }
                case .keyserver:
                    errors.check(.uri) { () throws(RemotesError) in _ = try Self.keyserverAddress(of: uri) }
                }
            } catch {
                errors.append(FieldError(.uri, error))
            }
        }
        if password.isEmpty { errors.append(FieldError(.password, .usage("a password is required"))) }
        return errors
    }

    /// The keyserver `uri` names (http, https, hkp or hkps with a host).
    public static func keyserverAddress(of uri: String) throws(RemotesError) -> KeyserverAddress {
        guard let address = KeyserverAddress(uri) else {
            throw .usage("\(uri) is not a keyserver URL (http, https, hkp or hkps with a host)")
        }
        return address
    }
}
