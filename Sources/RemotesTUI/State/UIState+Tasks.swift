import RemotesCore
import RemotesNetwork

/// What the UI does when network tasks finish: status checks, logins and logouts.
extension UIState {
    mutating func taskFinished(_ id: Int, _ result: ServiceResult) -> [Effect] {
        // A cancelled task is forgotten at once; a late answer is dropped.
        guard let task = tasks.removeValue(forKey: id) else { return [] }
        let subject = task.kind.subject
        switch result {
        case .status(let status):
            statusFinished(task, status)
        case .loginHealth(let health):
            loginCheckFinished(task, health)
        case .outcome(.success(let outcome)):
            if let form, form.pendingTask == id { mode = .browse }
            say(outcome.notices.map { Message($0, about: subject) })
            if let change = outcome.change { return [apply(change, origin: .task(id))] }
            if outcome.wroteFiles { return [.reload(.afterTask)] }
        case .outcome(.failure(let error)):
            var text = ErrorText.tidy(error.message)
            if var form, form.pendingTask == id {
                // The form's login: its words, in the form and on the message line.
                text = FormWording.inForm(text)
                form.pendingTask = nil
                form.reject(form.field(for: error), text)
                mode = .form(form)
            }
            say(Message(.error, text, about: subject))
        }
        return []
    }

    /// Shows what a status check found: the cell, the detail kept for Enter, the message line
    /// (or, for a check of `S`, the log and the run's count).
    private mutating func statusFinished(_ task: PendingTask, _ result: Result<EndpointStatus, RemotesError>) {
        let remote = task.endpoint ?? ""
        let subject = Subject.remote(remote)
        let lines: [Message]
        let ok: Bool
        let notAvailable: Bool
        switch result {
        case .success(let status):
            statusCells[remote] = .done(status.summary, ok: status.ok)
            statusResults[remote] = .checked(status, at: time)
            lines =
                [Message(.info, "Status of \(remote): \(status.summary)", about: subject)]
                + status.notices.map { Message($0, about: subject) }
            (ok, notAvailable) = (status.ok, status.summary.hasPrefix("N/A"))
            // The check learnt the built-in keyserver of a remote without a keyserver list,
            // which only service discovery knows: the Keyservers pane shows it from now on.
            if let keyserver = status.builtinKeyserver,
                config?.overview.learnBuiltinKeyserver(keyserver, of: remote) == true
            {
                keepSelectionsInView()
            }
        case .failure(let error):
            let text = ErrorText.tidy(error.message)
            let word = error.category == .unavailable ? "N/A" : "error"
            statusCells[remote] = .done(word == "N/A" ? "N/A: " + FailureReason.short(text) : word, ok: false)
            statusResults[remote] = .failed(text, at: time)
            lines = [Message(.error, "Status of \(remote): \(word): \(text)", about: subject)]
            (ok, notAvailable) = (false, error.category == .unavailable)
        }
        guard statusRun?.finish(task.id, ok: ok, notAvailable: notAvailable) == true else {
            say(lines)
            return
        }
        record(lines)
        if let run = statusRun, run.isDone {
            say(run.summary)
            statusRun = nil
        }
    }
}
