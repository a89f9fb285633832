import RemotesCore
import RemotesNetwork

/// Checking stored registry and keyserver logins again from the Logins pane (`s`, `S`), as
/// `remotes registry status` does: nothing is stored, the STATUS cell and the log say what the
/// server answered.
extension UIState {
    /// Starts a check of each of `logins` that has none running.
    mutating func startLoginChecks(of logins: [StoredLogin]) -> [Effect] {
        let effects = launchLoginChecks(logins).map(\.effect)
        if effects.isEmpty, !logins.isEmpty {
            say(Message(.warning, "already running: the check of \(logins.count == 1 ? logins[0].uri : "every login")"))
        } else if logins.count == 1 {
            say(Message(.info, "Checking the login to \(logins[0].uri) (Esc cancels)", about: .login(logins[0].uri)))
        }
        return effects
    }

    /// Starts a check of every visible login as part of `S`'s run.
    mutating func startLoginChecksOfRun() -> [Effect] {
        let started = launchLoginChecks(visibleLogins)
        guard !started.isEmpty else { return [] }
        if statusRun == nil { statusRun = StatusRun([]) }
        statusRun?.logins.add(started.map(\.id))
        return started.map(\.effect)
    }

    /// Whether a check of the login `uri` is running.
    func isChecking(_ uri: String) -> Bool {
        tasks.values.contains { $0.kind == .checkLogin(uri: uri) }
    }

    /// Starts a task for each of `logins` that has none running, its cell spinning.
    private mutating func launchLoginChecks(_ logins: [StoredLogin]) -> [(id: Int, effect: Effect)] {
        logins.filter { !isChecking($0.uri) }.map { login in
            loginCells[login.uri] = .running
            return startTask(.checkLogin(login))
        }
    }

    /// Shows what a login check found: the cell, the detail kept for Enter, and a line (for a
    /// check of `S`, the log and the run's count).
    mutating func loginCheckFinished(_ task: PendingTask, _ health: LoginHealth) {
        let uri = health.login.uri
        loginCells[uri] = .done(loginCellText(health), ok: health.status == .valid)
        loginChecks[uri] = health
        let level: Message.Level =
            health.status == .valid ? .info : (health.status.needsLogin ? .error : .warning)
        let line = Message(level, "Login to \(uri): \(health.status.rawValue): \(health.reason)", about: .login(uri))
        let counted =
            statusRun?.logins.finish(task.id, valid: health.status == .valid, needsLogin: health.status.needsLogin)
            == true
        guard counted else {
            say(line)
            return
        }
        record([line])
        if let run = statusRun, run.isDone {
            say(run.summary)
            statusRun = nil
        }
    }

    /// `rejected`, `expired`, `valid, 3d`…: the status, and a valid token's time left when it tells one.
    func loginCellText(_ health: LoginHealth) -> String {
        guard health.status == .valid, let expiry = health.tokenExpiry else { return health.status.rawValue }
        return "valid, \(expiry.shortForm(now: epochSeconds))"
    }
}
