import RemotesCore

/// The Authenticated Logins pane's keys and what they do.
enum LoginKeys {
    private static let pane: Set<KeyContext> = [.pane(.logins)]

    static let bindings: [KeyBinding] = [
        KeyBinding(
            [.character("s")], "check-login", "check the selected login with its server again (stores nothing)",
            hint: "check", in: pane, disabled: Refusal.noLogin,
            run: { s in s.selectedLogin.map { s.startLoginChecks(of: [$0]) } ?? [] }),
        KeyBinding(
            [.character("a")], "add-login", "log in to a registry or keyserver", hint: "login", in: pane,
            disabled: Refusal.notLoaded, run: { $0.openNewLogin() }),
        KeyBinding(
            [.character("l")], "re-login", "log in again to the selected registry or keyserver", in: pane,
            disabled: Refusal.noLogin, run: { $0.openLoginAgain() }),
        KeyBinding(
            [.character("o"), .character("d"), .delete], "remove-login",
            "log out of the selected registry or keyserver (asks first)", hint: "logout", in: pane,
            disabled: Refusal.noLogin,
            run: { $0.askToRemoveLogin() }),
    ]
}

extension UIState {
    mutating func openNewLogin() -> [Effect] {
        mode = .form(.loginRegistry(uri: "", insecure: false))
        return []
    }

    mutating func openLoginAgain() -> [Effect] {
        guard let login = selectedLogin else { return [] }
        mode = .form(.loginRegistry(uri: login.uri, insecure: login.isInsecure))
        return []
    }

    mutating func askToRemoveLogin() -> [Effect] {
        guard let login = selectedLogin else { return [] }
        let neighbour = self.neighbour(of: login.uri, in: .logins)
        mode = .confirm(logoutConfirmation(uri: login.uri, kind: login.kind, origin: .pane(.logins, select: neighbour)))
        return []
    }

    /// Logging out of a registry erases its secret through the services; a keyserver login is
    /// only an entry in remote.yaml and is removed directly, as Apptainer does.
    func logoutConfirmation(uri: String, kind: LoginKind, origin: ChangeOrigin) -> Confirmation {
        let consequence: Confirmation.Consequence =
            kind == .registry
            ? .start(.logoutRegistry(uri: uri)) : .apply(.removeCredentials(uri: uri), origin: origin)
        return Confirmation(
            title: "Log out", question: "Log out of \(uri) and remove its login?", yesLabel: "Log out",
            consequence: consequence)
    }
}
