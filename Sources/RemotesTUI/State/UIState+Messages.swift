import RemotesCore

/// Saying things: the message area shows what the last action said, and the log keeps
/// everything with the time it was said.
extension UIState {
    /// Shows `new` in the message area, instead of what was there, and adds it to the log.
    mutating func say(_ new: [Message]) {
        messages = new
        log.append(new, at: time)
    }

    /// Shows `message` in the message area, and adds it to the log.
    mutating func say(_ message: Message) { say([message]) }

    /// Adds `new` after what the message area shows (the same action said more), and to the log.
    mutating func sayMore(_ new: [Message]) {
        messages += new
        log.append(new, at: time)
    }

    /// Adds `new` to the log only (each result of `S`; the message area counts them).
    mutating func record(_ new: [Message]) {
        log.append(new, at: time)
    }
}

extension ConfigChange {
    /// What the change is about, for its messages.
    var subject: Subject? {
        switch self {
        case .addRemote(let name, _, _, _, _), .removeRemote(let name, _), .useRemote(let name, _, _),
            .storeToken(let name, _), .clearToken(let name):
            return .remote(name)
        case .addKeyserver(_, let url, _, _), .removeKeyserver(_, let url), .moveKeyserver(_, let url, _):
            return .keyserver(url)
        case .storeCredential(let credential): return .login(credential.uri)
        case .removeCredentials(let uri): return .login(uri)
        }
    }
}

extension PendingTask.Kind {
    /// What the task is about, for its messages.
    var subject: Subject {
        switch self {
        case .status(let remote), .loginEndpoint(let remote): return .remote(remote)
        case .loginRegistry(let uri), .logoutRegistry(let uri), .checkLogin(let uri): return .login(uri)
        }
    }
}
