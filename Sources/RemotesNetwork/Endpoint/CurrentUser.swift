import RemotesCore
import RemotesJSON

/// The library's answer to `GET /v1/rbac/users/current` for a token: who it belongs to, and the
/// registry secret that `remote get-login-password` prints.
public struct CurrentUser: Sendable, Equatable {
    /// The user name ("" when not given).
    public var username: String
    /// The e-mail address ("" when not given).
    public var email: String
    /// `oidc_user_meta.secret`, nil when the answer has none.
    public var secret: String?

    /// Makes a user.
    public init(username: String, email: String, secret: String?) {
        self.username = username
        self.email = email
        self.secret = secret
    }

    /// Asks the library at `libraryURI` whose `token` this is, for the remote whose base URL is
    /// `remoteBaseURL` (a library on plain http gets the token only where `TokenDestination`
    /// allows). Errors in Apptainer's words: 401 `must be logged in to retrieve user data`, 404
    /// `user endpoint not found`, others `status is not ok: …`, transport failures
    /// `error making request: …`.
    public static func fetch(libraryURI: String, token: String, remoteBaseURL: String, fetcher: HTTPFetcher)
        async throws(RemotesError) -> CurrentUser
    {
        var base = libraryURI
        while base.hasSuffix("/") { base.removeLast() }
        guard !base.isEmpty else { throw .failed("remote has no library client") }
        let url = base + "/v1/rbac/users/current"
        try TokenDestination.check(url, remoteBaseURL: remoteBaseURL)
        let result: HTTPResult
        do {
            result = try await fetcher.get(url, headers: [("Authorization", "Bearer " + token)])
        } catch {
            let message = error.message.replacingOccurrences(
                of: "error making request to server: ", with: "", options: .anchored)
            throw RemotesError(error.category, "error making request: \(message)")
        }
        switch result.status {
        case 200: break
        case 401: throw .failed("must be logged in to retrieve user data")
        case 404: throw .failed("user endpoint not found")
        default:
            throw RemotesError(result.status >= 500 ? .unavailable : .failed, "status is not ok: \(result.statusText)")
        }
        guard let object = try? JSONParser.parse(result.body), let data = object["data"], data.members != nil else {
            throw .failed("the library's answer about the current user is not the expected JSON")
        }
        return CurrentUser(
            username: data["username"]?.stringValue ?? "", email: data["email"]?.stringValue ?? "",
            secret: data["oidc_user_meta"]?["secret"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 })
    }
}
