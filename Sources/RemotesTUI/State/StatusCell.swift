/// What the status cell of an endpoint says.
enum StatusCell: Sendable, Equatable {
    /// A check is running.
    case running
    /// The last check's short answer.
    case done(String, ok: Bool)
}

/// What the last status check of an endpoint found, kept whole for the detail view.
enum StatusResult: Sendable, Equatable {
    /// The check ended with an answer.
    case checked(EndpointStatus, at: ClockTime)
    /// The check failed: the whole error, tidied.
    case failed(String, at: ClockTime)
    /// The check was cancelled.
    case cancelled(at: ClockTime)
}

/// The status checks one `S` started, counted as they end, for the summary line
/// (`5 remotes checked: 2 OK, 3 N/A`).
struct StatusRun: Sendable, Equatable {
    /// The tasks still running.
    var pending: Set<Int>
    /// How many were started.
    var total: Int
    /// How many answered OK.
    var ok = 0
    /// How many could not be reached or answered nothing.
    var notAvailable = 0
    /// How many answered with a problem (some services N/A, a bad token).
    var problems = 0
    /// How many were cancelled.
    var cancelled = 0

    /// The login checks of the run (`S` checks every login too).
    var logins = LoginTally()

    /// A run of the tasks `ids`.
    init(_ ids: [Int]) {
        pending = Set(ids)
        total = ids.count
    }

    /// True when every status check and login check of the run has ended.
    var isDone: Bool { pending.isEmpty && logins.pending.isEmpty }

    /// Counts the end of task `id`; false when it is not one of the run's.
    mutating func finish(_ id: Int, ok: Bool, notAvailable: Bool) -> Bool {
        guard pending.remove(id) != nil else { return false }
        if ok {
            self.ok += 1
        } else if notAvailable {
            self.notAvailable += 1
        } else {
            problems += 1
        }
        return true
    }

    /// Adds the tasks `ids` (a second `S` while the first runs).
    mutating func add(_ ids: [Int]) {
        pending.formUnion(ids)
        total += ids.count
    }

    /// The summary line.
    var summary: Message {
        var parts: [String] = []
        if total > 0 || logins.total == 0 {
            var text = "\(total) remote\(total == 1 ? "" : "s") checked: \(ok) OK, \(notAvailable) N/A"
            if problems > 0 { text += ", \(problems) with problems" }
            if cancelled > 0 { text += ", \(cancelled) cancelled" }
            parts.append(text)
        }
        if logins.total > 0 { parts.append(logins.summary) }
        let fine = notAvailable + problems == 0 && logins.needsLogin + logins.undecided == 0
        return Message(fine ? .info : .warning, parts.joined(separator: "; "))
    }
}

/// The login checks of one `S`, counted as they end.
struct LoginTally: Sendable, Equatable {
    /// The tasks still running.
    var pending: Set<Int> = []
    /// How many were started.
    var total = 0
    /// How many are valid.
    var valid = 0
    /// How many need a new login (rejected, expired, secret missing).
    var needsLogin = 0
    /// How many could not be checked.
    var undecided = 0
    /// How many were cancelled.
    var cancelled = 0

    /// Adds the tasks `ids`.
    mutating func add(_ ids: [Int]) {
        pending.formUnion(ids)
        total += ids.count
    }

    /// Counts the end of task `id` with `status`; false when it is not one of the run's.
    mutating func finish(_ id: Int, valid isValid: Bool, needsLogin needs: Bool) -> Bool {
        guard pending.remove(id) != nil else { return false }
        if isValid {
            valid += 1
        } else if needs {
            needsLogin += 1
        } else {
            undecided += 1
        }
        return true
    }

    /// `2 logins: 1 valid, 1 to log in again`.
    var summary: String {
        var text = "\(total) login\(total == 1 ? "" : "s"): \(valid) valid"
        if needsLogin > 0 { text += ", \(needsLogin) to log in again" }
        if undecided > 0 { text += ", \(undecided) not checked" }
        if cancelled > 0 { text += ", \(cancelled) cancelled" }
        return text
    }
}
