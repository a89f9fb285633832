import RemotesCore

/// What the UI does with the results of effects: files read, changes written or refused,
/// network tasks finished.
extension UIState {
    mutating func loaded(_ reason: ReloadReason, _ result: Result<LoadedConfig, RemotesError>) -> [Effect] {
        switch result {
        case .success(let loaded):
            let firstLoad = config == nil && pane(.endpoints).selected == nil
            config = loaded
            isRoot = loaded.isRoot
            let names = Set(loaded.state.merged.remotes.keys)
            statusCells = statusCells.filter { names.contains($0.key) }
            keepSelectionsInView()
            let notices = loaded.state.notices.map(Message.init)
            switch reason {
            case .startup:
                // Start on the default remote.
                if firstLoad, !loaded.state.merged.active.isEmpty {
                    select(loaded.state.merged.active, in: .endpoints)
                }
                messages = notices
            case .userRequest:
                messages = [Message(.info, "Reloaded \(userFileText)")] + notices
            case .changedOnDisk(let text):
                messages = [Message(.warning, text)] + notices
            case .changedElsewhere:
                messages = [Message(.info, "The files were changed by another program; reloaded")] + notices
            case .afterTask:
                break
            }
        case .failure(let error):
            config = nil
            keepSelectionsInView()
            messages = [Message(error)]
        }
        return []
    }

    mutating func changeApplied(_ origin: ChangeOrigin, _ result: Result<AppliedChange, RemotesError>) -> [Effect] {
        switch result {
        case .success(let applied):
            config = applied.config
            isRoot = applied.config.isRoot
            // After a login the service's lines (`Access Token Verified!`) stay before the
            // write's (`Token stored in …`).
            if case .task = origin {
                messages += applied.notices.map(Message.init)
            } else {
                messages = applied.notices.map(Message.init)
            }
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
            keepSelectionsInView()
            return []
        case .failure(let error):
            if error.category == .changedOnDisk {
                if var form, origin == .form {
                    form.error = error.message
                    mode = .form(form)
                }
                messages = [Message(.warning, error.message)]
                return [.reload(.changedOnDisk(error.message))]
            }
            if var form, origin == .form {
                form.reject(form.field(for: error), error.message)
                mode = .form(form)
            }
            messages = [Message(error)]
            return []
        }
    }

    mutating func taskFinished(_ id: Int, _ result: ServiceResult) -> [Effect] {
        // A cancelled task is forgotten at once; a late answer is dropped.
        guard let task = tasks.removeValue(forKey: id) else { return [] }
        switch result {
        case .status(.success(let status)):
            let remote = task.endpoint ?? ""
            statusCells[remote] = .done(status.summary, ok: status.ok)
            messages = [Message(.info, "Status of \(remote): \(status.summary)")] + status.notices.map(Message.init)
            // The check learnt the built-in keyserver of a remote without a keyserver list,
            // which only service discovery knows: the Keyservers pane shows it from now on.
            if let keyserver = status.builtinKeyserver,
                config?.overview.learnBuiltinKeyserver(keyserver, of: remote) == true
            {
                keepSelectionsInView()
            }
        case .status(.failure(let error)):
            if let remote = task.endpoint {
                statusCells[remote] = .done(error.category == .unavailable ? "N/A" : "error", ok: false)
            }
            messages = [Message(error)]
        case .outcome(.success(let outcome)):
            if let form, form.pendingTask == id { mode = .browse }
            messages = outcome.notices.map(Message.init)
            if let change = outcome.change { return [apply(change, origin: .task(id))] }
            if outcome.wroteFiles { return [.reload(.afterTask)] }
        case .outcome(.failure(let error)):
            if var form, form.pendingTask == id {
                form.pendingTask = nil
                form.reject(form.field(for: error), error.message)
                mode = .form(form)
            }
            messages = [Message(error)]
        }
        return []
    }
}
