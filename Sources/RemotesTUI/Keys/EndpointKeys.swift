import RemotesCore

/// The Endpoints pane's keys and what they do.
enum EndpointKeys {
    private static let pane: Set<KeyContext> = [.pane(.endpoints)]

    static let bindings: [KeyBinding] = [
        KeyBinding(
            [.character("a")], "add-remote", "add a remote endpoint", hint: "add", in: pane,
            disabled: Refusal.notLoaded, run: { $0.openAddRemote() }),
        KeyBinding(
            [.character("d"), .delete], "remove-remote", "remove the selected remote (asks first)", hint: "remove",
            in: pane, disabled: Refusal.noEndpoint, run: { $0.askToRemoveRemote() }),
        KeyBinding(
            [.character("u")], "use-remote", "use the selected remote as the default", hint: "use", in: pane,
            disabled: Refusal.noEndpoint, run: { $0.useSelectedRemote() }),
        KeyBinding(
            [.character("l")], "login-endpoint", "log in to the selected remote with an access token", hint: "login",
            in: pane, disabled: Refusal.noEndpoint, run: { $0.openEndpointLogin() }),
        KeyBinding(
            [.character("o")], "logout-endpoint", "log out of the selected remote (asks first)", hint: "logout",
            in: pane,
            disabled: { s in
                Refusal.noEndpoint(s) ?? (s.selectedEndpoint?.isLoggedIn == true ? nil : "not logged in")
            }, run: { $0.askToLogOutOfRemote() }),
    ]
}

extension UIState {
    mutating func openAddRemote() -> [Effect] {
        mode = .form(.addRemote(isRoot: isRoot))
        return []
    }

    mutating func askToRemoveRemote() -> [Effect] {
        guard let endpoint = selectedEndpoint else { return [] }
        let neighbour = self.neighbour(of: endpoint.name, in: .endpoints)
        let file = endpoint.isGlobal ? systemFileText : userFileText
        mode = .confirm(
            Confirmation(
                title: "Remove remote", question: "Remove remote \"\(endpoint.name)\" from \(file)?",
                yesLabel: "Remove",
                consequence: .apply(
                    .removeRemote(name: endpoint.name, global: endpoint.isGlobal),
                    origin: .pane(.endpoints, select: neighbour))))
        return []
    }

    mutating func useSelectedRemote() -> [Effect] {
        guard let endpoint = selectedEndpoint else { return [] }
        return [
            apply(
                .useRemote(name: endpoint.name, global: false, exclusive: false),
                origin: .pane(.endpoints, select: endpoint.name))
        ]
    }

    mutating func openEndpointLogin() -> [Effect] {
        guard let endpoint = selectedEndpoint, let remote = config?.state.merged.remotes[endpoint.name] else {
            return []
        }
        if let running = task(forEndpoint: endpoint.name) {
            say(Message(.warning, "\(running.summary) is already running", about: .remote(endpoint.name)))
            return []
        }
        mode = .form(
            .loginEndpoint(
                remote: endpoint.name, uri: remote.uri, insecure: remote.insecure, hasToken: remote.isLoggedIn))
        return []
    }

    mutating func askToLogOutOfRemote() -> [Effect] {
        guard let endpoint = selectedEndpoint else { return [] }
        mode = .confirm(
            Confirmation(
                title: "Log out", question: "Log out of remote \"\(endpoint.name)\" (forget its access token)?",
                yesLabel: "Log out",
                consequence: .apply(
                    .clearToken(remote: endpoint.name), origin: .pane(.endpoints, select: endpoint.name))))
        return []
    }
}
