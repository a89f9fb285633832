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
        case .key(let key): return handleKey(key, alone: true)
        case .burstKey(let key): return handleKey(key, alone: false)
        case .mouse(let mouse): return handleMouse(mouse)
        case .resize(let newSize):
            size = newSize
            keepSelectionsInView()
            keepScrollsInRange()
            return []
        case .tick:
            if !tasks.isEmpty { spinnerFrame = (spinnerFrame + 1) % max(1, glyphs.spinner.count) }
            return []
        case .drawn:
            if var confirmation, !confirmation.armed {
                confirmation.armed = true
                mode = .confirm(confirmation)
            }
            return []
        case .loaded(let reason, let result): return loaded(reason, result)
        case .changeApplied(let origin, let change, let result): return changeApplied(origin, change, result)
        case .taskFinished(let id, let result): return taskFinished(id, result)
        case .registryLoginDescribed(let uri, let details):
            if var detail, detail.target == .login(uri) {
                detail.registry = details
                mode = .detail(detail)
            }
            return []
        }
    }

    /// Finds the key's binding for the current mode and runs it; text goes to the form or the
    /// filter when no binding takes the key. A confirmation takes only a key pressed on its own
    /// after it was drawn: keys that arrived together with the one that opened it (a paste
    /// without brackets) cannot answer it.
    mutating func handleKey(_ key: Key, alone: Bool = true) -> [Effect] {
        if var confirmation, key != .control("c"), !alone || !confirmation.armed {
            if !confirmation.ignoredKeys {
                confirmation.ignoredKeys = true
                mode = .confirm(confirmation)
                say(
                    Message(
                        .warning,
                        "\(confirmation.title): keys that arrived together are not taken as an answer; press y or n"))
            }
            return []
        }
        if let binding = KeyTable.binding(for: key, in: self) {
            if let reason = binding.disabledReason(self) {
                say(Message(.warning, binding.refusal(reason)))
                return []
            }
            let effects = binding.run(&self)
            keepSelectionsInView()
            return effects
        }
        return typed(key)
    }

    /// Text no binding takes: into the open form's field or the filter. A paste anywhere else
    /// is dropped, and the message line says so.
    private mutating func typed(_ key: Key) -> [Effect] {
        guard !isTooSmall else { return [] }
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
        case (_, .paste(let text)):
            say(
                Message(
                    .info,
                    "Ignored a paste of \(text.count) character\(text.count == 1 ? "" : "s"): paste into a form's field, or after / to filter"
                ))
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
