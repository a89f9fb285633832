import RemotesCore

/// The Keyservers pane's keys (for the selected endpoint's keyservers) and what they do.
enum KeyserverKeys {
    private static let pane: Set<KeyContext> = [.pane(.keyservers)]

    static let bindings: [KeyBinding] = [
        KeyBinding(
            [.character("a")], "add-keyserver", "add a keyserver to the selected remote", hint: "add", in: pane,
            disabled: Refusal.noEndpoint, run: { $0.openAddKeyserver() }),
        KeyBinding(
            [.character("d"), .delete], "remove-keyserver", "remove the selected keyserver (asks first)",
            hint: "remove", in: pane,
            disabled: { s in
                Refusal.noKeyserver(s)
                    ?? (s.selectedKeyserver?.order == nil ? "this built-in keyserver is already removed" : nil)
            }, run: { $0.askToRemoveKeyserver() }),
        KeyBinding(
            [.shiftUp, .character("K")], "move-keyserver-up", "move the selected keyserver up (saved at once)",
            hint: "move up", in: pane, disabled: { moveRefusal($0, by: -1) }, run: { $0.moveSelectedKeyserver(by: -1) }),
        KeyBinding(
            [.shiftDown, .character("J")], "move-keyserver-down", "move the selected keyserver down (saved at once)",
            hint: "move down", in: pane, disabled: { moveRefusal($0, by: 1) }, run: { $0.moveSelectedKeyserver(by: 1) }),
        KeyBinding(
            [.character("l")], "login-keyserver", "log in to the selected keyserver", hint: "login", in: pane,
            disabled: Refusal.noKeyserver, run: { $0.openKeyserverLogin() }),
        KeyBinding(
            [.character("o")], "logout-keyserver", "log out of the selected keyserver (asks first)", hint: "logout",
            in: pane,
            disabled: { s in
                Refusal.noKeyserver(s) ?? (s.selectedKeyserver?.isLoggedIn == true ? nil : "not logged in")
            }, run: { $0.askToLogOutOfKeyserver() }),
    ]

    private static func moveRefusal(_ s: UIState, by delta: Int) -> String? {
        if let reason = Refusal.noKeyserver(s) { return reason }
        guard let row = s.selectedKeyserver, let order = row.order else { return "a skipped keyserver has no order" }
        let inUse = s.config?.keyserverRows(of: s.selectedEndpoint?.name ?? "").filter { $0.order != nil }.count ?? 0
        if delta < 0 && order == 1 { return "it is already the first keyserver" }
        if delta > 0 && order >= inUse { return "it is already the last keyserver" }
        return nil
    }
}

extension UIState {
    mutating func openAddKeyserver() -> [Effect] {
        guard let endpoint = selectedEndpoint else { return [] }
        mode = .form(.addKeyserver(remote: endpoint.name))
        return []
    }

    mutating func askToRemoveKeyserver() -> [Effect] {
        guard let endpoint = selectedEndpoint, let uri = selectedKeyserver?.uri else { return [] }
        let neighbour = self.neighbour(of: uri, in: .keyservers)
        mode = .confirm(
            Confirmation(
                title: "Remove keyserver", question: "Remove keyserver \(uri) from remote \"\(endpoint.name)\"?",
                yesLabel: "Remove",
                consequence: .apply(
                    .removeKeyserver(remote: endpoint.name, url: uri), origin: .pane(.keyservers, select: neighbour))))
        return []
    }

    mutating func moveSelectedKeyserver(by delta: Int) -> [Effect] {
        guard let endpoint = selectedEndpoint, let keyserver = selectedKeyserver, let uri = keyserver.uri,
            let order = keyserver.order
        else { return [] }
        return [
            apply(
                .moveKeyserver(remote: endpoint.name, url: uri, toOrder: order + delta),
                origin: .pane(.keyservers, select: uri))
        ]
    }

    mutating func openKeyserverLogin() -> [Effect] {
        guard let keyserver = selectedKeyserver, let uri = keyserver.uri else { return [] }
        mode = .form(.loginRegistry(uri: uri, insecure: keyserver.isInsecure))
        return []
    }

    mutating func askToLogOutOfKeyserver() -> [Effect] {
        guard let uri = selectedKeyserver?.uri else { return [] }
        mode = .confirm(logoutConfirmation(uri: uri, kind: .keyserver, origin: .pane(.keyservers, select: uri)))
        return []
    }
}
