/// Who a token belongs to, from the library's `GET /v1/rbac/users/current` (the `Logged in as:`
/// line of `remote status`).
public struct UserIdentity: Sendable, Equatable {
    /// The user name.
    public var username: String
    /// The e-mail address ("" when the server gives none).
    public var email: String

    /// Makes an identity.
    public init(username: String, email: String) {
        self.username = username
        self.email = email
    }

    /// Asks the library at `libraryURI` whose `token` this is (see `CurrentUser.fetch`). Nil on
    /// any failure or when the answer has no user name: the line is optional, as in Apptainer.
    public static func fetch(libraryURI: String, token: String, remoteBaseURL: String, fetcher: HTTPFetcher) async
        -> UserIdentity?
    {
        guard
            let user = try? await CurrentUser.fetch(
                libraryURI: libraryURI, token: token, remoteBaseURL: remoteBaseURL, fetcher: fetcher),
            !user.username.isEmpty
        else { return nil }
        return UserIdentity(username: user.username, email: user.email)
    }
}
