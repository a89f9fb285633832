import RemotesCore

/// What submitting each form does.
extension UIState {
    /// Enter in a form: submits it.
    mutating func submitForm() -> [Effect] {
        guard var form else { return [] }
        return submit(&form)
    }

    /// Checks the form; on a local error keeps it open with the error next to the field,
    /// otherwise returns the write or the network task it asks for. Secrets are cleared from
    /// the form as soon as they are handed on.
    private mutating func submit(_ form: inout Form) -> [Effect] {
        form.clearErrors()
        var effects: [Effect] = []
        switch form.purpose {
        case .addRemote:
            let name = form.text(.name)
            let uri = form.text(.uri)
            var nameError: String?
            var uriError: String?
            do {
                try RemoteName.validate(name)
            } catch {
                nameError = error.message
            }
            do {
                _ = try EndpointURI.normalize(uri, insecure: form.checked(.insecure))
            } catch {
                uriError = error.message
            }
            // Reject the URI first so that the focus ends on the first bad field.
            if let uriError { form.reject(.uri, uriError) }
            if let nameError { form.reject(.name, nameError) }
            if nameError == nil && uriError == nil {
                effects.append(
                    apply(
                        .addRemote(
                            name: name, uri: uri, insecure: form.checked(.insecure), global: form.checked(.global),
                            makeDefault: !form.checked(.noDefault)), origin: .form))
            }
        case .addKeyserver(let remote):
            let orderText = form.text(.order).strippingSpaces
            var order: Int?
            if !orderText.isEmpty {
                if let value = Int(orderText) {
                    order = value
                } else {
                    form.reject(.order, "order must be a number (empty appends at the end)")
                }
            }
            if form.error == nil && form.fields.allSatisfy({ $0.error == nil }) {
                effects.append(
                    apply(
                        .addKeyserver(
                            remote: remote, url: form.text(.keyserverURL), order: order,
                            insecure: form.checked(.insecure)), origin: .form))
            }
        case .loginEndpoint(let remote):
            let token = form.text(.token)
            form.clearSecrets()
            guard !token.isEmpty else {
                form.reject(.token, "an access token is required")
                break
            }
            // The batch command's rules for a typed token (no spaces, at most 4096 bytes).
            do {
                _ = try AccessToken.validate(token, source: "the form")
            } catch {
                form.reject(.token, error.message)
                break
            }
            let (id, effect) = startTask(.loginEndpoint(remote: remote, token: token))
            form.pendingTask = id
            effects.append(effect)
        case .loginRegistry:
            let uri = form.text(.uri).strippingSpaces
            let username = form.text(.username)
            let password = form.text(.password)
            form.clearSecrets()
            guard let address = LoginAddress(uri) else {
                form.reject(
                    .uri,
                    uri.isEmpty
                        ? "a URI is required (docker://HOST, oras://HOST or https://KEYSERVER)"
                        : "invalid login URI \"\(uri)\"")
                break
            }
            if address.isRegistry && username.isEmpty {
                form.reject(.username, "Docker/OCI registry requires a username")
                break
            }
            guard !password.isEmpty else {
                form.reject(.password, "a password is required")
                break
            }
            let (id, effect) = startTask(
                .loginRegistry(uri: uri, username: username, password: password, insecure: form.checked(.insecure)))
            form.pendingTask = id
            effects.append(effect)
        }
        mode = .form(form)
        return effects
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
