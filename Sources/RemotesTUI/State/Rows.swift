/// One endpoint as the Endpoints pane shows it.
struct EndpointRow: Sendable, Equatable {
    var name: String
    var uri: String
    var isDefault: Bool
    var global: Bool
    var exclusive: Bool
    var insecure: Bool
    var loggedIn: Bool
}

/// One keyserver of the selected endpoint.
struct KeyserverRow: Sendable, Equatable {
    var uri: String
    /// The 1-based order among the entries in use; nil for a skipped (removed built-in) entry.
    var order: Int?
    var insecure: Bool
    /// The endpoint's own keyserver (not added with add-keyserver).
    var builtin: Bool
    var loggedIn: Bool
}

/// One registry or keyserver login.
struct LoginRow: Sendable, Equatable {
    enum Kind: String, Sendable { case registry, keyserver }
    var uri: String
    var kind: Kind
    var insecure: Bool
}
