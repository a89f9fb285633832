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
    /// True when the user name was given as such (`--username`/`-u` on the command line), so that
    /// an empty one is a mistake (a shell's `$oauthtoken` expanded to nothing) rather than "no
    /// user name" (a keyserver's Bearer login, which leaves `--username` out).
    public var usernameGiven: Bool

    /// Makes a request.
    public init(
        uri: String, username: String, password: String, insecure: Bool = false, authFile: String? = nil,
        usernameGiven: Bool = false
    ) {
        self.uri = uri
        self.username = username
        self.password = password
        self.insecure = insecure
        self.authFile = authFile
        self.usernameGiven = usernameGiven
    }

    /// The message for an empty `--username`: the usual cause is a shell that replaced an
    /// unquoted `$name` (`-u $oauthtoken`) with an empty variable.
    public static let emptyUsernameMessage =
        "--username is empty: a shell replaces an unquoted $name with the value of a variable (usually nothing), so quote a user name that contains $ (-u '$oauthtoken'); leave --username out to log in to a keyserver with a token"

    /// `login <uri> as <username>`, without the password.
    public var description: String {
        "login \(uri) as \(username.isEmpty ? "(token)" : username)\(insecure ? ", insecure" : "")"
    }
}

extension LoginRequest: ValidatedRequest {
    /// The URI names a registry or a keyserver, a user name given is not empty, a registry login
    /// has a user name, and there is a password. Whether a keyserver is configured is decided
    /// later, with the files.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        let emptyGiven = usernameGiven && username.isEmpty
        if uri.trimmingSpaces.isEmpty {
            errors.append(
                FieldError(.uri, .usage("a URI is required (docker://HOST, oras://HOST or https://KEYSERVER)")))
        } else {
            do {
                switch try LoginKind(uri: uri) {
                case .registry:
                    errors.check(.uri) { () throws(RemotesError) in _ = try RegistryAddress(parsing: uri) }
                    if username.isEmpty && !emptyGiven {
                        errors.append(FieldError(.username, .usage("Docker/OCI registry requires a username")))
                    }
                case .keyserver:
                    errors.check(.uri) { () throws(RemotesError) in _ = try Self.keyserverAddress(of: uri) }
                }
            } catch {
                errors.append(FieldError(.uri, error))
            }
        }
        if emptyGiven { errors.append(FieldError(.username, .usage(Self.emptyUsernameMessage))) }
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
