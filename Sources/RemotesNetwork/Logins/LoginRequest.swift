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
