/// An endpoint access token typed, piped or pasted (a token file has more rules of its own:
/// `AccessToken.readFile`).
public struct AccessTokenRequest: ValidatedRequest, Equatable {
    /// The token.
    public var token: String
    /// Where it came from, for the message (`standard input`, `the prompt`, `the Token field`).
    public var source: String

    /// Makes a request.
    public init(token: String, source: String) {
        self.token = token
        self.source = source
    }

    /// `AccessToken.validate`'s rules: not empty, at most 4096 bytes, no spaces or control characters.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        errors.check(.token) { () throws(RemotesError) in _ = try AccessToken.validate(token, source: source) }
        return errors
    }
}
