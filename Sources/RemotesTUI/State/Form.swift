import RemotesCore

/// A form that is open: add a remote or a keyserver, or log in.
struct Form: Sendable, Equatable {
    /// What the form does.
    enum Purpose: Sendable, Equatable {
        /// `remote add`.
        case addRemote
        /// `keyserver add` for a remote.
        case addKeyserver(remote: String)
        /// `remote login NAME` with a token.
        case loginEndpoint(remote: String)
        /// `registry login URI` or `keyserver login URI`.
        case loginRegistry
    }

    var purpose: Purpose
    var title: String
    /// Lines of explanation above the fields.
    var intro: [String]
    var fields: [FormField]
    /// The focused field.
    var focus = 0
    /// A refusal that belongs to no single field.
    var error: String?
    /// The task checking this form's login, while it runs.
    var pendingTask: Int?
    /// What Enter does, for the footer (`add`, `log in`).
    var submitLabel: String

    var focusedField: FormField { fields[focus] }

    /// Index of the field `id`.
    func index(of id: FormField.ID) -> Int? { fields.firstIndex { $0.id == id } }

    /// The text of field `id`.
    func text(_ id: FormField.ID) -> String { index(of: id).map { fields[$0].text } ?? "" }

    /// Whether checkbox `id` is on.
    func checked(_ id: FormField.ID) -> Bool { index(of: id).map { fields[$0].checked } ?? false }

    /// Puts `message` next to field `id` (or on the form when it has no such field) and
    /// focuses that field.
    mutating func reject(_ id: FormField.ID?, _ message: String) {
        if let id, let i = index(of: id) {
            fields[i].error = message
            focus = i
        } else {
            error = message
        }
    }

    /// Clears every error.
    mutating func clearErrors() {
        error = nil
        for i in fields.indices { fields[i].error = nil }
    }

    /// Empties every secret field (after submit, after cancel).
    mutating func clearSecrets() {
        for i in fields.indices where fields[i].kind == .secret { fields[i].clear() }
    }

    /// Which field an error from `ConfigStore.apply` belongs to, so it is shown next to it.
    func field(for error: RemotesError) -> FormField.ID? {
        let text = error.message
        switch purpose {
        case .addRemote:
            if text.contains("not root") { return .global }
            if text.contains("is already a remote") || text.hasPrefix("invalid name") { return .name }
            if text.contains("URI") || text.contains("--insecure") { return .uri }
            return nil
        case .addKeyserver:
            if text.contains("not root") { return nil }
            if text.contains("order") { return .order }
            if text.contains("keyserver") || text.contains("configured") { return .keyserverURL }
            return nil
        case .loginEndpoint:
            return .token
        case .loginRegistry:
            if text.contains("username") { return .username }
            if text.contains("password") || text.contains("credentials") || text.contains("401 Unauthorized") {
                return .password
            }
            if text.contains("URI") || text.contains("transport") || text.contains("keyserver") { return .uri }
            return nil
        }
    }
}

extension Form {
    /// The add-remote form: name, URI, then the options of `remote add`.
    static func addRemote(isRoot: Bool) -> Form {
        Form(
            purpose: .addRemote, title: "Add remote endpoint",
            intro: ["remote add NAME URI: the new remote becomes the default unless told otherwise."],
            fields: [
                FormField(.name, "Name", .text),
                FormField(.uri, "URI", .text),
                FormField(.insecure, "insecure (discovery over http)", .checkbox),
                FormField(.global, isRoot ? "global (system file)" : "global (system file, root only)", .checkbox),
                FormField(.noDefault, "don't make it the default", .checkbox),
            ], submitLabel: "add")
    }

    /// The add-keyserver form for `remote`.
    static func addKeyserver(remote: String) -> Form {
        Form(
            purpose: .addKeyserver(remote: remote), title: "Add keyserver to \(remote)",
            intro: ["keyserver add: an empty order appends the keyserver at the end."],
            fields: [
                FormField(.keyserverURL, "URL", .text),
                FormField(.order, "Order", .text),
                FormField(.insecure, "insecure (allow http, skip TLS checks)", .checkbox),
            ], submitLabel: "add")
    }

    /// The token form of `remote login NAME`.
    static func loginEndpoint(remote: String, uri: String, insecure: Bool, hasToken: Bool) -> Form {
        var intro = [
            "Generate an access token at \(EndpointURI.baseURL(stored: uri, insecure: insecure))/auth/tokens,",
            "and paste it here. Token entered will be hidden for security.",
        ]
        if hasToken { intro.append("An access token is already set for this remote: it will be replaced.") }
        return Form(
            purpose: .loginEndpoint(remote: remote), title: "Log in to \(remote)", intro: intro,
            fields: [FormField(.token, "Access Token", .secret)], submitLabel: "log in")
    }

    /// The registry or keyserver login form, with `uri` filled in when known.
    static func loginRegistry(uri: String, insecure: Bool) -> Form {
        Form(
            purpose: .loginRegistry, title: "Log in to a registry or keyserver",
            intro: ["docker:// or oras:// registries, or an http(s) keyserver of an endpoint."],
            fields: [
                FormField(.uri, "URI", .text, text: uri),
                FormField(.username, "Username", .text),
                FormField(.password, "Password / Token", .secret),
                FormField(.insecure, "insecure", .checkbox, checked: insecure),
            ], submitLabel: "log in")
    }
}
