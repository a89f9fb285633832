/// Keys of the detail view (it scrolls with `ScrollKeys`).
enum DetailKeys {
    static let bindings: [KeyBinding] = [
        KeyBinding(
            [.escape, .enter, .character("q")], "close-details", "close the details", hint: "close", in: [.detail]
        ) { $0.setMode(.browse) }
    ]
}

extension UIState {
    /// The row of the focused pane whose details Enter shows.
    var detailTarget: Detail.Target? {
        switch focus {
        case .endpoints: return selectedEndpoint.map { .endpoint($0.name) }
        case .keyservers:
            guard let remote = selectedEndpoint?.name, let uri = selectedKeyserver?.uri else { return nil }
            return .keyserver(remote: remote, uri: uri)
        case .logins: return selectedLogin.map { .login($0.uri) }
        }
    }

    /// Enter: opens the details of the selected row; for a registry login, asks the services
    /// who it is for and where it is kept.
    mutating func openDetail() -> [Effect] {
        guard let target = detailTarget else { return [] }
        mode = .detail(Detail(target: target))
        if case .login(let uri) = target, selectedLogin?.kind == .registry { return [.describeRegistryLogin(uri: uri)] }
        return []
    }
}
