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
            let effects = binding.run(&self)
            keepSelectionsInView()
            return effects
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

    /// Registers a task and returns the effect that starts it.
    mutating func startTask(_ request: ServiceRequest) -> (id: Int, effect: Effect) {
        let id = nextTaskID
        nextTaskID += 1
        tasks[id] = PendingTask(id: id, kind: request.kind)
        return (id, .startTask(id: id, request: request))
    }
}
