/// A value the user fills in, on the command line or in a form: where an error is shown.
public enum RequestField: Sendable, Equatable {
    /// A remote's name.
    case name
    /// A remote's URI, or the registry or keyserver URI of a login.
    case uri
    /// A keyserver URL.
    case keyserverURL
    /// A keyserver's position.
    case order
    /// An endpoint access token.
    case token
    /// A login's user name.
    case username
    /// A login's password.
    case password
}

/// What is wrong with one field of a request.
public struct FieldError: Sendable, Equatable {
    /// The field.
    public var field: RequestField
    /// The error, as the command line reports it.
    public var error: RemotesError

    /// Makes a field error.
    public init(_ field: RequestField, _ error: RemotesError) {
        self.field = field
        self.error = error
    }
}

/// A request a user makes (add a remote, add a keyserver, an access token, a login), with the
/// one check of its fields that every front end uses: the command line reports the first
/// error, a form shows each next to its field, and the core and the services check again.
public protocol ValidatedRequest: Sendable {
    /// Every field error, in the order of the fields.
    func validate() -> [FieldError]
}

extension ValidatedRequest {
    /// Throws the first field error, if any.
    public func validated() throws(RemotesError) {
        if let first = validate().first { throw first.error }
    }
}

extension Array where Element == FieldError {
    /// Appends the error `check` throws, if any, for `field`.
    mutating func check(_ field: RequestField, _ check: () throws(RemotesError) -> Void) {
        do {
            try check()
        } catch {
            append(FieldError(field, error))
        }
    }
}
