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

    /// A run of the tasks `ids`.
    init(_ ids: [Int]) {
        pending = Set(ids)
        total = ids.count
    }

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
        var text = "\(total) remote\(total == 1 ? "" : "s") checked: \(ok) OK, \(notAvailable) N/A"
        if problems > 0 { text += ", \(problems) with problems" }
        if cancelled > 0 { text += ", \(cancelled) cancelled" }
        return Message(notAvailable + problems == 0 ? .info : .warning, text)
    }
}
