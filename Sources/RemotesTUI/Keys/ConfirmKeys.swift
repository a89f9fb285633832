/// Keys of the yes/no dialog (the answer starts on No).
enum ConfirmKeys {
    private static let confirm: Set<KeyContext> = [.confirm]

    static let bindings: [KeyBinding] = [
        KeyBinding([.character("y"), .character("Y")], "confirm-yes", "yes, do it", hint: "yes", in: confirm) { s in
            s.confirmation.map { s.confirm($0) } ?? []
        },
        KeyBinding(
            [.character("n"), .character("N"), .escape], "confirm-no", "no, cancel (the default)", hint: "no",
            in: confirm
        ) { $0.cancelConfirmation() },
        KeyBinding([.tab, .backTab, .left, .right], "confirm-switch", "switch between No and Yes", in: confirm) { s in
            guard var confirmation = s.confirmation else { return [] }
            confirmation.yesFocused.toggle()
            return s.setMode(.confirm(confirmation))
        },
        KeyBinding([.enter], "confirm-activate", "answer with the focused button (No at first)", in: confirm) { s in
            guard let confirmation = s.confirmation else { return [] }
            return confirmation.yesFocused ? s.confirm(confirmation) : s.cancelConfirmation()
        },
    ]
}

extension UIState {
    mutating func cancelConfirmation() -> [Effect] {
        guard let confirmation else { return [] }
        mode = .browse
        say(Message(.info, "\(confirmation.title): cancelled"))
        return []
    }

    mutating func confirm(_ confirmation: Confirmation) -> [Effect] {
        mode = .browse
        switch confirmation.consequence {
        case .apply(let change, let origin):
            return [apply(change, origin: origin)]
        case .start(let request):
            let summary = PendingTask(id: 0, kind: request.kind).summary
            say(Message(.info, "Working: \(summary) (Esc cancels)", about: request.kind.subject))
            return [startTask(request).effect]
        }
    }
}
