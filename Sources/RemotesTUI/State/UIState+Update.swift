/// The one entry point that changes the UI state: `(state, event) -> (state, [effect])`.
extension UIState {
    /// Returns the state after `event` and the effects the event loop must run.
    static func update(_ state: UIState, _ event: UIEvent) -> (UIState, [Effect]) {
        var next = state
        let effects = next.handle(event)
        return (next, effects)
    }

    /// Applies `event` to this state and returns the effects to run.
    mutating func handle(_ event: UIEvent) -> [Effect] {
        guard !quitting else { return [] }
        switch event {
        case .key(let key): return handleKey(key)
        case .resize(let newSize):
            size = newSize
            keepSelectionsInView()
            if case .help(let scroll) = mode { mode = .help(scroll: min(scroll, maxHelpScroll)) }
            return []
        case .tick:
            if !tasks.isEmpty { spinnerFrame = (spinnerFrame + 1) % max(1, glyphs.spinner.count) }
            return []
        case .loaded(let reason, let result): return loaded(reason, result)
        case .changeApplied(let origin, let result): return changeApplied(origin, result)
        case .taskFinished(let id, let result): return taskFinished(id, result)
        }
    }

    /// Finds the key's binding for the current mode and runs it; text goes to the form or the
    /// filter when no binding takes the key.
    mutating func handleKey(_ key: Key) -> [Effect] {
        if let binding = KeyTable.binding(for: key, in: self) {
            if let reason = binding.disabledReason(self) {
                messages = [Message(.warning, "\(binding.summary): \(reason)")]
                return []
            }
            return perform(binding.action)
        }
        switch (mode, key) {
        case (.form, .character(let c)): return editForm { $0.insert(String(c)) }
        case (.form, .paste(let text)): return editForm { $0.insert(Self.singleLine(text)) }
        case (.filtering, .character(let c)):
            update(focus) { $0.filter.append(c) }
            keepSelectionsInView()
            return []
        case (.filtering, .paste(let text)):
            update(focus) { $0.filter += Self.singleLine(text) }
            keepSelectionsInView()
            return []
        default:
            return []
        }
    }

    /// Pasted text as one line: a trailing newline dropped, inner newlines made spaces.
    static func singleLine(_ text: String) -> String {
        var text = text
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return text.replacing("\r\n", with: " ").replacing("\n", with: " ")
    }

    /// Runs `action`.
    mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .nextPane: focus = focus.next
        case .previousPane: focus = focus.previous
        case .focusEndpoints: focus = .endpoints
        case .focusKeyservers: focus = .keyservers
        case .focusLogins: focus = .logins
        case .moveUp: moveSelection(by: -1)
        case .moveDown: moveSelection(by: 1)
        case .moveTop: moveSelection(to: 0)
        case .moveBottom: moveSelection(to: Int.max)
        case .pageUp: moveSelection(by: -max(1, layout.frame(focus).itemRows - 1))
        case .pageDown: moveSelection(by: max(1, layout.frame(focus).itemRows - 1))
        case .filter:
            mode = .filtering
        case .filterAccept:
            mode = .browse
        case .filterClear:
            update(focus) { $0.filter = "" }
            mode = .browse
            keepSelectionsInView()
        case .cancel: return cancelOrClearFilter()
        case .help:
            mode = .help(scroll: 0)
        case .closeHelp:
            mode = .browse
        case .scrollUp, .scrollDown, .scrollPageUp, .scrollPageDown, .scrollTop, .scrollBottom:
            scrollHelp(action)
        case .quit:
            quitting = true
            return tasks.keys.sorted().map { Effect.cancelTask(id: $0) } + [.quit(exitCode: 0)]
        case .reload:
            return [.reload(.userRequest)]
        case .addRemote, .removeRemote, .useRemote, .loginEndpoint, .logoutEndpoint, .status, .statusAll:
            return performEndpointAction(action)
        case .addKeyserver, .removeKeyserver, .moveKeyserverUp, .moveKeyserverDown, .loginKeyserver,
            .logoutKeyserver:
            return performKeyserverAction(action)
        case .addLogin, .reLogin, .removeLogin:
            return performLoginAction(action)
        case .deleteBackward where mode == .filtering:
            update(focus) { state in
                if !state.filter.isEmpty { state.filter.removeLast() }
            }
        case .fieldNext, .fieldPrevious, .toggle, .submit, .closeForm, .caretLeft, .caretRight, .caretHome,
            .caretEnd, .deleteBackward, .deleteForward, .clearField:
            return performFormAction(action)
        case .confirmYes, .confirmNo, .confirmSwitch, .confirmActivate:
            return performConfirmAction(action)
        }
        keepSelectionsInView()
        return []
    }

    /// Esc in a pane: cancel every running task; with none, clear the focused pane's filter.
    mutating func cancelOrClearFilter() -> [Effect] {
        if !tasks.isEmpty {
            let cancelled = tasks.values.sorted { $0.id < $1.id }
            for task in cancelled {
                if case .status(let remote) = task.kind { statusCells[remote] = .done("cancelled", ok: false) }
            }
            tasks = [:]
            messages = [Message(.info, "Cancelled: " + cancelled.map(\.summary).joined(separator: ", "))]
            return cancelled.map { .cancelTask(id: $0.id) }
        }
        if !pane(focus).filter.isEmpty {
            update(focus) { $0.filter = "" }
            keepSelectionsInView()
        }
        return []
    }

    /// Registers a task and returns the effect that starts it.
    mutating func startTask(_ request: ServiceRequest) -> (id: Int, effect: Effect) {
        let id = nextTaskID
        nextTaskID += 1
        tasks[id] = PendingTask(id: id, kind: request.kind)
        return (id, .startTask(id: id, request: request))
    }
}
