/// A user name and password for HTTP Basic authentication.
public struct BasicCredentials: Sendable, Hashable {
    /// The user name.
    public var username: String
    /// The password.
    public var password: String

    /// Makes credentials from a user name and password.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// The `Authorization` header value, `Basic base64(user:password)`.
    public var authorizationHeader: String {
        "Basic " + Base64.encode(Array("\(username):\(password)".utf8))
    }
}
