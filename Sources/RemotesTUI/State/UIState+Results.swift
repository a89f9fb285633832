import RemotesCore

/// What the UI does with the results of effects: files read, changes written or refused.
extension UIState {
    mutating func loaded(_ reason: ReloadReason, _ result: Result<LoadedConfig, RemotesError>) -> [Effect] {
        switch result {
        case .success(let loaded):
            let firstLoad = config == nil && pane(.endpoints).selected == nil
            let indexes = Pane.allCases.map { selectedIndex($0) }
            config = loaded
            isRoot = loaded.isRoot
            let names = Set(loaded.state.merged.remotes.keys)
            statusCells = statusCells.filter { names.contains($0.key) }
            statusResults = statusResults.filter { names.contains($0.key) }
            // A selected row another program removed gives way to its neighbour.
            for (pane, index) in zip(Pane.allCases, indexes) {
                select(self.pane(pane).selected, in: pane, fallbackIndex: index)
            }
            keepSelectionsInView()
            let notices = loaded.state.notices.map { Message($0) }
            switch reason {
            case .startup:
                // Start on the default remote.
                if firstLoad, !loaded.state.merged.active.isEmpty {
                    select(loaded.state.merged.active, in: .endpoints)
                }
                say(notices)
            case .userRequest:
                say([Message(.info, "Reloaded \(userFileText)")] + notices)
            case .changedOnDisk(let text):
                say([Message(.warning, text)] + notices)
            case .changedElsewhere:
                say([Message(.info, "The files were changed by another program; reloaded")] + notices)
            case .afterTask:
                break
            }
        case .failure(let error):
            config = nil
            keepSelectionsInView()
            say(Message(error))
        }
        return []
    }

    mutating func changeApplied(
        _ origin: ChangeOrigin, _ change: ConfigChange, _ result: Result<AppliedChange, RemotesError>
    ) -> [Effect] {
        let subject = change.subject
        func wording(_ text: String) -> String { origin == .form ? FormWording.inForm(text) : text }
        switch result {
        case .success(let applied):
            config = applied.config
            isRoot = applied.config.isRoot
            let notices = applied.notices.map { notice in
                Message(notice.level == .info ? .info : .warning, wording(notice.text), about: subject)
            }
            // After a login the service's lines (`Access Token Verified!`) stay before the
            // write's (`Token stored in …`).
            if case .task = origin { sayMore(notices) } else { say(notices) }
            afterApplied(origin)
            keepSelectionsInView()
            return []
        case .failure(let error):
            let text = wording(ErrorText.tidy(error.message))
            if error.category == .changedOnDisk {
                if var form, origin == .form {
                    form.error = text
                    mode = .form(form)
                }
                // The reload says why.
                return [.reload(.changedOnDisk(error.message))]
            }
            if var form, origin == .form {
                form.reject(form.field(for: error), text)
                mode = .form(form)
            }
            say(Message(.error, text, about: subject))
            return []
        }
    }

    /// After a change was written: select what it made or kept, close its form.
    private mutating func afterApplied(_ origin: ChangeOrigin) {
        switch origin {
        case .pane(let pane, let key):
            select(key, in: pane, fallbackIndex: selectedIndex(pane))
        case .form:
            if let form {
                switch form.purpose {
                case .addRemote: select(form.text(.name), in: .endpoints)
                case .addKeyserver: select(form.text(.keyserverURL).strippingSpaces, in: .keyservers)
                default: break
                }
                mode = .browse
            }
        case .task:
            break
        }
    }
}
