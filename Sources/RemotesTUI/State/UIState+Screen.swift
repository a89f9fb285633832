/// What the screen shows besides the rows: the layout, the message area, where keys go.
extension UIState {
    /// The task running for an endpoint row, if any.
    func task(forEndpoint name: String) -> PendingTask? {
        tasks.values.sorted { $0.id < $1.id }.first { $0.endpoint == name }
    }

    /// True below the minimum size: only the notice is drawn, and only `q` and Ctrl-C work.
    var isTooSmall: Bool { !size.fits(.minimum) }

    /// The layout for the current size and message.
    var layout: Layout { Layout.compute(size, messageRows: messageRowCount) }

    /// 2 when the message does not fit on one line.
    var messageRowCount: Int {
        guard !messages.isEmpty else { return 1 }
        return DisplayWidth.of(messageText) > size.width ? 2 : 1
    }

    /// The message area's text: every message of the last action with its prefix, errors with
    /// their cause first; a subject is named once (by the first message about it).
    var messageText: String {
        var previous: Subject?
        return messages.map { message in
            var shown = message
            if message.subject != nil && message.subject == previous { shown.subject = nil }
            previous = message.subject ?? previous
            return "\(shown.prefix) \(shown.lineText)"
        }.joined(separator: "  ")
    }

    /// What the keys act on now, for the key table.
    var keyContext: KeyContext {
        if isTooSmall { return .tooSmall }
        switch mode {
        case .browse: return .pane(focus)
        case .filtering: return .filter
        case .form: return .form
        case .confirm: return .confirm
        case .help: return .help
        case .detail: return .detail
        case .log: return .log
        }
    }

    /// The open form, if any.
    var form: Form? {
        if case .form(let form) = mode { return form }
        return nil
    }

    /// The open confirmation, if any.
    var confirmation: Confirmation? {
        if case .confirm(let confirmation) = mode { return confirmation }
        return nil
    }

    /// The open detail view, if any.
    var detail: Detail? {
        if case .detail(let detail) = mode { return detail }
        return nil
    }
}
