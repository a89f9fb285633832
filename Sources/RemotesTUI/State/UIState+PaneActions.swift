import RemotesCore

/// What the keys of the three panes do: open forms and confirmations, write changes, start
/// network work.
extension UIState {
    /// The fingerprints every write must expect, so that a change made by another program since
    /// the files were read is refused instead of overwritten.
    var expectedFingerprints: ConfigState.Fingerprints? { config?.state.fingerprints }

    /// The effect that writes `change`.
    func apply(_ change: ConfigChange, origin: ChangeOrigin) -> Effect {
        .apply(change, expecting: expectedFingerprints, origin: origin)
    }

    /// The user file's path, with the home folder shown as `~`.
    var userFileText: String { Self.shortPath(locations.userFile, home: locations.home) }

    /// The system file's path, with the home folder shown as `~`.
    var systemFileText: String { Self.shortPath(locations.systemFile, home: locations.home) }

    static func shortPath(_ path: String, home: String) -> String {
        guard !home.isEmpty, home != "/", path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    mutating func performEndpointAction(_ action: Action) -> [Effect] {
        guard let config else { return [] }
        let endpoint = selectedEndpoint
        switch action {
        case .addRemote:
            mode = .form(.addRemote(isRoot: isRoot))
        case .removeRemote:
            guard let endpoint else { return [] }
            let neighbour = self.neighbour(of: endpoint.name, in: .endpoints)
            let file = endpoint.global ? systemFileText : userFileText
            mode = .confirm(
                Confirmation(
                    title: "Remove remote", question: "Remove remote \"\(endpoint.name)\" from \(file)?",
                    yesLabel: "Remove",
                    consequence: .apply(
                        .removeRemote(name: endpoint.name, global: endpoint.global),
                        origin: .pane(.endpoints, select: neighbour))))
        case .useRemote:
            guard let endpoint else { return [] }
            return [
                apply(
                    .useRemote(name: endpoint.name, global: false, exclusive: false),
                    origin: .pane(.endpoints, select: endpoint.name))
            ]
        case .loginEndpoint:
            guard let endpoint, let remote = config.state.merged.remotes[endpoint.name] else { return [] }
            if let running = task(forEndpoint: endpoint.name) {
                messages = [Message(.warning, "\(running.summary) is already running")]
                return []
            }
            mode = .form(
                .loginEndpoint(
                    remote: endpoint.name, uri: remote.uri, insecure: remote.insecure, hasToken: remote.isLoggedIn))
        case .logoutEndpoint:
            guard let endpoint else { return [] }
            mode = .confirm(
                Confirmation(
                    title: "Log out", question: "Log out of remote \"\(endpoint.name)\" (forget its access token)?",
                    yesLabel: "Log out",
                    consequence: .apply(
                        .clearToken(remote: endpoint.name), origin: .pane(.endpoints, select: endpoint.name))))
        case .status:
            guard let endpoint else { return [] }
            return startStatus(of: [endpoint.name])
        case .statusAll:
            return startStatus(of: visibleEndpoints.map(\.name))
        default:
            break
        }
        return []
    }

    /// Starts a status check for each of `names` that has none running.
    mutating func startStatus(of names: [String]) -> [Effect] {
        var effects: [Effect] = []
        var skipped: [String] = []
        for name in names {
            if task(forEndpoint: name) != nil {
                skipped.append(name)
                continue
            }
            statusCells[name] = .running
            effects.append(startTask(.status(remote: name)).effect)
        }
        if effects.isEmpty {
            messages = [
                Message(.warning, "already running: " + skipped.map { "status of \($0)" }.joined(separator: ", "))
            ]
        } else {
            let what = names.count == 1 ? "remote: \(names[0])" : "\(effects.count) remotes"
            messages = [Message(.info, "Checking status of \(what) (Esc cancels)")]
        }
        return effects
    }

    mutating func performKeyserverAction(_ action: Action) -> [Effect] {
        guard let endpoint = selectedEndpoint else { return [] }
        let keyserver = selectedKeyserver
        switch action {
        case .addKeyserver:
            mode = .form(.addKeyserver(remote: endpoint.name))
        case .removeKeyserver:
            guard let keyserver else { return [] }
            let neighbour = self.neighbour(of: keyserver.uri, in: .keyservers)
            mode = .confirm(
                Confirmation(
                    title: "Remove keyserver",
                    question: "Remove keyserver \(keyserver.uri) from remote \"\(endpoint.name)\"?", yesLabel: "Remove",
                    consequence: .apply(
                        .removeKeyserver(remote: endpoint.name, url: keyserver.uri),
                        origin: .pane(.keyservers, select: neighbour))))
        case .moveKeyserverUp, .moveKeyserverDown:
            guard let keyserver, let order = keyserver.order else { return [] }
            let target = action == .moveKeyserverUp ? order - 1 : order + 1
            return [
                apply(
                    .moveKeyserver(remote: endpoint.name, url: keyserver.uri, toOrder: target),
                    origin: .pane(.keyservers, select: keyserver.uri))
            ]
        case .loginKeyserver:
            guard let keyserver else { return [] }
            mode = .form(.loginRegistry(uri: keyserver.uri, insecure: keyserver.insecure))
        case .logoutKeyserver:
            guard let keyserver else { return [] }
            mode = .confirm(
                logoutConfirmation(
                    uri: keyserver.uri, kind: .keyserver, origin: .pane(.keyservers, select: keyserver.uri)))
        default:
            break
        }
        return []
    }

    mutating func performLoginAction(_ action: Action) -> [Effect] {
        switch action {
        case .addLogin:
            mode = .form(.loginRegistry(uri: "", insecure: false))
        case .reLogin:
            guard let login = selectedLogin else { return [] }
            mode = .form(.loginRegistry(uri: login.uri, insecure: login.insecure))
        case .removeLogin:
            guard let login = selectedLogin else { return [] }
            let neighbour = self.neighbour(of: login.uri, in: .logins)
            mode = .confirm(
                logoutConfirmation(uri: login.uri, kind: login.kind, origin: .pane(.logins, select: neighbour)))
        default:
            break
        }
        return []
    }

    /// Logging out of a registry erases its secret through the services; a keyserver login is
    /// only an entry in remote.yaml and is removed directly, as Apptainer does.
    func logoutConfirmation(uri: String, kind: LoginRow.Kind, origin: ChangeOrigin) -> Confirmation {
        let consequence: Confirmation.Consequence =
            kind == .registry
            ? .start(.logoutRegistry(uri: uri)) : .apply(.removeCredentials(uri: uri), origin: origin)
        return Confirmation(
            title: "Log out", question: "Log out of \(uri) and remove its login?", yesLabel: "Log out",
            consequence: consequence)
    }

    mutating func performConfirmAction(_ action: Action) -> [Effect] {
        guard var confirmation else { return [] }
        switch action {
        case .confirmYes:
            return confirm(confirmation)
        case .confirmNo:
            mode = .browse
            messages = [Message(.info, "\(confirmation.title): cancelled")]
        case .confirmSwitch:
            confirmation.yesFocused.toggle()
            mode = .confirm(confirmation)
        case .confirmActivate:
            if confirmation.yesFocused { return confirm(confirmation) }
            mode = .browse
            messages = [Message(.info, "\(confirmation.title): cancelled")]
        default:
            break
        }
        return []
    }

    private mutating func confirm(_ confirmation: Confirmation) -> [Effect] {
        mode = .browse
        switch confirmation.consequence {
        case .apply(let change, let origin):
            return [apply(change, origin: origin)]
        case .start(let request):
            messages = [Message(.info, "Working: \(PendingTask(id: 0, kind: request.kind).summary) (Esc cancels)")]
            return [startTask(request).effect]
        }
    }
}
