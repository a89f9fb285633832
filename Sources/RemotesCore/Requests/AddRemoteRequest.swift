/// `remotes add NAME URI`, or the Add form of the Endpoints pane.
public struct AddRemoteRequest: ValidatedRequest, Equatable {
    /// The new remote's name.
    public var name: String
    /// Its URI as given.
    public var uri: String
    /// Discovery over http.
    public var insecure: Bool

    /// Makes a request.
    public init(name: String, uri: String, insecure: Bool) {
        self.name = name
        self.uri = uri
        self.insecure = insecure
    }

    /// The name's rules, then the URI's.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        errors.check(.name) { () throws(RemotesError) in try RemoteName.validate(name) }
        errors.check(.uri) { () throws(RemotesError) in _ = try EndpointURI.normalize(uri, insecure: insecure) }
        return errors
    }
}
