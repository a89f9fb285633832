/// `remotes keyserver add [--order N] [REMOTE] URL`, or the Add form of the Keyservers pane.
public struct AddKeyserverRequest: ValidatedRequest, Equatable {
    /// The keyserver URL as given.
    public var url: String
    /// The 1-based position, nil to append.
    public var order: Int?

    /// Makes a request.
    public init(url: String, order: Int?) {
        self.url = url
        self.order = order
    }

    /// The URL must be http, https, hkp or hkps with a host; the order, when given, at least 1.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        errors.check(.keyserverURL) { () throws(RemotesError) in _ = try Self.validURL(url) }
        if let order, order <= 0 { errors.append(FieldError(.order, .usage("order must be > 0"))) }
        return errors
    }

    /// `url` without outer spaces, when it is a keyserver URL.
    public static func validURL(_ url: String) throws(RemotesError) -> String {
        let trimmed = url.trimmingSpaces
        guard KeyserverAddress(trimmed) != nil else {
            throw .usage(
                "invalid keyserver URL \(goQuoted(url)): use http://, https://, hkp:// or hkps:// followed by a host name"
            )
        }
        return trimmed
    }
}
