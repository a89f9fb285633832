import RemotesCore

/// What submitting each form does.
extension UIState {
    /// Enter in a form: submits it.
    mutating func submitForm() -> [Effect] {
        guard var form else { return [] }
        return submit(&form)
    }

    /// Checks the form with the request's own validation: each error is shown next to its
    /// field (the focus goes to the first), otherwise the write or the network task it asks for
    /// is returned. Secrets are cleared from the form as soon as they are handed on.
    private mutating func submit(_ form: inout Form) -> [Effect] {
        form.clearErrors()
        let effects: [Effect]
        switch form.purpose {
        case .addRemote: effects = submitAddRemote(&form)
        case .addKeyserver(let remote): effects = submitAddKeyserver(&form, remote: remote)
        case .loginEndpoint(let remote): effects = submitToken(&form, remote: remote)
        case .loginRegistry: effects = submitLogin(&form)
        }
        mode = .form(form)
        return effects
    }

    /// Shows every error next to its field, focusing the first; true when there is none.
    private func accept(_ errors: [FieldError], in form: inout Form) -> Bool {
        for error in errors.reversed() {
            form.reject(FormField.ID(error.field), FormWording.inForm(error.error.message))
        }
        return errors.isEmpty
    }

    private mutating func submitAddRemote(_ form: inout Form) -> [Effect] {
        let request = AddRemoteRequest(name: form.text(.name), uri: form.text(.uri), insecure: form.checked(.insecure))
        guard accept(request.validate(), in: &form) else { return [] }
        return [
            apply(
                .addRemote(
                    name: request.name, uri: request.uri, insecure: request.insecure, global: form.checked(.global),
                    makeDefault: !form.checked(.noDefault)), origin: .form)
        ]
    }

    private mutating func submitAddKeyserver(_ form: inout Form, remote: String) -> [Effect] {
        let orderText = form.text(.order).strippingSpaces
        let order = Int(orderText)
        var errors = AddKeyserverRequest(url: form.text(.keyserverURL), order: order).validate()
        if !orderText.isEmpty && order == nil {
            errors.append(FieldError(.order, .usage("order must be a number (empty appends at the end)")))
        }
        guard accept(errors, in: &form) else { return [] }
        return [
            apply(
                .addKeyserver(
                    remote: remote, url: form.text(.keyserverURL), order: order, insecure: form.checked(.insecure)),
                origin: .form)
        ]
    }

    private mutating func submitToken(_ form: inout Form, remote: String) -> [Effect] {
        let request = AccessTokenRequest(token: form.text(.token), source: "the Access Token field")
        form.clearSecrets()
        guard accept(request.validate(), in: &form) else { return [] }
        let (id, effect) = startTask(.loginEndpoint(remote: remote, token: request.token))
        form.pendingTask = id
        return [effect]
    }

    private mutating func submitLogin(_ form: inout Form) -> [Effect] {
        let request = LoginRequest(
            uri: form.text(.uri).strippingSpaces, username: form.text(.username), password: form.text(.password),
            insecure: form.checked(.insecure))
        form.clearSecrets()
        guard accept(request.validate(), in: &form) else { return [] }
        let (id, effect) = startTask(
            .loginRegistry(
                uri: request.uri, username: request.username, password: request.password, insecure: request.insecure))
        form.pendingTask = id
        return [effect]
    }
}

extension FormField.ID {
    /// The form field that shows errors of a request's `field`.
    init(_ field: RequestField) {
        switch field {
        case .name: self = .name
        case .uri: self = .uri
        case .keyserverURL: self = .keyserverURL
        case .order: self = .order
        case .token: self = .token
        case .username: self = .username
        case .password: self = .password
        }
    }
}

extension String {
    /// The string without leading and trailing spaces.
    var strippingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
