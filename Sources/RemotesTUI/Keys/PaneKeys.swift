/// Keys that work in every pane: status checks, moving, filtering, help, quitting.
enum PaneKeys {
    private static let panes = KeyContext.panes

    static let bindings: [KeyBinding] = [
        KeyBinding(
            [.character("s")], "status", "check the status of the selected remote", hint: "status",
            in: [.pane(.endpoints), .pane(.keyservers)], disabled: Refusal.noEndpoint,
            run: { s in s.selectedEndpoint.map { s.startStatus(of: [$0.name]) } ?? [] }),
        KeyBinding(
            [.character("S")], "status-all", "check the status of every remote and every login", hint: "all",
            in: panes,
            disabled: { s in s.visibleEndpoints.isEmpty && s.visibleLogins.isEmpty ? "no endpoints" : nil },
            run: { $0.checkEverything() }),
        KeyBinding(
            [.character("/")], "filter", "filter the focused pane", hint: "filter", in: panes,
            run: { s in s.setMode(.filtering) }),
        KeyBinding([.character("r")], "reload", "reload the files from disk", hint: "reload", in: panes) { _ in
            [.reload(.userRequest)]
        },
        KeyBinding(
            [.enter], "details", "show the details of the selected row", hint: "details", in: panes,
            disabled: { s in s.detailTarget == nil ? "no row selected" : nil }, run: { $0.openDetail() }),
        KeyBinding([.character("m")], "log", "show every message since the start", hint: "log", in: panes) {
            $0.openLog()
        },
        KeyBinding([.tab], "next-pane", "next pane", hint: "pane", in: panes) { s in s.focus(s.focus.next) },
        KeyBinding([.backTab], "previous-pane", "previous pane", in: panes) { s in s.focus(s.focus.previous) },
        KeyBinding([.character("1")], "focus-endpoints", "go to Endpoints", in: panes) { $0.focus(.endpoints) },
        KeyBinding([.character("2")], "focus-keyservers", "go to Keyservers", in: panes) { $0.focus(.keyservers) },
        KeyBinding([.character("3")], "focus-logins", "go to Authenticated Logins", in: panes) { $0.focus(.logins) },
        KeyBinding([.up, .character("k")], "move-up", "previous row", in: panes) { $0.moveSelection(by: -1) },
        KeyBinding([.down, .character("j")], "move-down", "next row", in: panes) { $0.moveSelection(by: 1) },
        KeyBinding([.home, .character("g")], "move-top", "first row", in: panes) { $0.moveSelection(to: 0) },
        KeyBinding([.end, .character("G")], "move-bottom", "last row", in: panes) { $0.moveSelection(to: Int.max) },
        KeyBinding([.pageUp], "page-up", "one page up", in: panes) { s in s.moveSelection(by: -s.pageStep) },
        KeyBinding([.pageDown], "page-down", "one page down", in: panes) { s in s.moveSelection(by: s.pageStep) },
        KeyBinding([.escape], "cancel", "cancel running network work, else clear the filter", in: panes) {
            $0.cancelOrClearFilter()
        },
        KeyBinding([.character("?"), .function(1)], "help", "show all keys", hint: "help", in: panes) { s in
            s.setMode(.help(scroll: 0))
        },
        KeyBinding([.character("q")], "quit", "quit", hint: "quit", in: panes) { $0.quit() },
    ]
}

extension UIState {
    /// Rows one page key moves in the focused pane.
    var pageStep: Int { max(1, layout.frame(focus).itemRows - 1) }

    mutating func setMode(_ newMode: Mode) -> [Effect] {
        mode = newMode
        return []
    }

    mutating func focus(_ pane: Pane) -> [Effect] {
        focus = pane
        return []
    }

    mutating func quit() -> [Effect] {
        quitting = true
        return tasks.keys.sorted().map { Effect.cancelTask(id: $0) } + [.quit(exitCode: 0)]
    }

    /// `S`: the status of every visible remote and a check of every visible login, counted
    /// together for one summary line.
    mutating func checkEverything() -> [Effect] {
        let remotes = visibleEndpoints.map(\.name)
        let statusEffects = remotes.isEmpty ? [] : startStatus(of: remotes)
        let loginEffects = startLoginChecksOfRun()
        if !loginEffects.isEmpty {
            let what =
                statusEffects.isEmpty
                ? "" : "status of \(statusEffects.count) remote\(statusEffects.count == 1 ? "" : "s") and "
            say(
                Message(
                    .info,
                    "Checking \(what)\(loginEffects.count) login\(loginEffects.count == 1 ? "" : "s") (Esc cancels)"))
        }
        return statusEffects + loginEffects
    }

    /// Starts a status check for each of `names` that has none running; several are counted
    /// for a summary line when the last one ends.
    mutating func startStatus(of names: [String]) -> [Effect] {
        var ids: [Int] = []
        var effects: [Effect] = []
        var skipped: [String] = []
        for name in names {
            if task(forEndpoint: name) != nil {
                skipped.append(name)
                continue
            }
            statusCells[name] = .running
            let (id, effect) = startTask(.status(remote: name))
            ids.append(id)
            effects.append(effect)
        }
        if effects.isEmpty {
            let running =
                skipped.count > 3
                ? "\(skipped.count) status checks" : skipped.map { "status of \($0)" }.joined(separator: ", ")
            say(Message(.warning, "already running: " + running))
        } else if names.count == 1 {
            say(Message(.info, "Checking status of remote: \(names[0]) (Esc cancels)", about: .remote(names[0])))
        } else {
            if statusRun == nil { statusRun = StatusRun(ids) } else { statusRun?.add(ids) }
            say(Message(.info, "Checking status of \(effects.count) remotes (Esc cancels)"))
        }
        return effects
    }

    /// Esc in a pane: cancel every running task; with none, clear the focused pane's filter.
    mutating func cancelOrClearFilter() -> [Effect] {
        guard tasks.isEmpty else { return cancelAllTasks() }
        if !pane(focus).filter.isEmpty { update(focus) { $0.filter = "" } }
        return []
    }

    /// Cancels every running task: a check of `S` counts as cancelled in its summary.
    private mutating func cancelAllTasks() -> [Effect] {
        let cancelled = tasks.values.sorted { $0.id < $1.id }
        tasks = [:]
        var others: [PendingTask] = []
        for task in cancelled {
            if case .checkLogin(let uri) = task.kind {
                loginCells[uri] = .done("cancelled", ok: false)
                if statusRun?.logins.pending.remove(task.id) != nil {
                    statusRun?.logins.cancelled += 1
                    continue
                }
            }
            if case .status(let remote) = task.kind {
                statusCells[remote] = .done("cancelled", ok: false)
                statusResults[remote] = .cancelled(at: time)
                if statusRun?.pending.remove(task.id) != nil {
                    statusRun?.cancelled += 1
                    continue
                }
            }
            others.append(task)
        }
        var lines: [Message] = []
        if !others.isEmpty {
            let what = others.count > 3 ? "\(others.count) tasks" : others.map(\.summary).joined(separator: ", ")
            lines.append(Message(.info, "Cancelled: " + what, about: others.count == 1 ? others[0].kind.subject : nil))
        }
        if let run = statusRun {
            lines.append(run.summary)
            statusRun = nil
        }
        say(lines)
        return cancelled.map { .cancelTask(id: $0.id) }
    }
}
