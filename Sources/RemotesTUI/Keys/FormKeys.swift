/// Keys in an open form (other typed or pasted text goes into the focused field).
enum FormKeys {
    private static let form: Set<KeyContext> = [.form]

    private static func busy(_ s: UIState) -> String? {
        s.form?.pendingTask != nil ? "a login is being checked (Esc cancels it)" : nil
    }

    static let bindings: [KeyBinding] = [
        KeyBinding(
            [.enter], "submit", "submit the form (from any field)", hint: "submit", in: form, disabled: busy,
            run: { $0.submitForm() }),
        KeyBinding([.escape], "close-form", "cancel the form (and a login being checked)", hint: "cancel", in: form) {
            $0.closeForm()
        },
        KeyBinding([.tab, .down], "field-next", "next field", hint: "next", in: form) { s in
            s.moveFocus { ($0 + 1) % $1 }
        },
        KeyBinding([.backTab, .up], "field-previous", "previous field", in: form) { s in
            s.moveFocus { ($0 + $1 - 1) % $1 }
        },
        KeyBinding(
            [.character(" ")], "toggle", "toggle the checkbox", hint: "toggle", in: form,
            applies: { $0.form?.focusedField.kind == .checkbox }, disabled: busy,
            run: { $0.editForm { $0.checked.toggle() } }),
        KeyBinding([.left], "caret-left", "move the caret left", in: form) { s in s.moveCaret { c, _ in c - 1 } },
        KeyBinding([.right], "caret-right", "move the caret right", in: form) { s in s.moveCaret { c, _ in c + 1 } },
        KeyBinding([.home], "caret-home", "caret to the start of the field", in: form) { s in
            s.moveCaret { _, _ in 0 }
        },
        KeyBinding([.end], "caret-end", "caret to the end of the field", in: form) { s in
            s.moveCaret { _, end in end }
        },
        KeyBinding([.backspace], "delete-backward", "delete before the caret", in: form, disabled: busy) {
            $0.editForm { $0.deleteBackward() }
        },
        KeyBinding([.delete], "delete-forward", "delete at the caret", in: form, disabled: busy) {
            $0.editForm { $0.deleteForward() }
        },
        KeyBinding([.control("u")], "clear-field", "clear the field", in: form, disabled: busy) {
            $0.editForm { $0.clear() }
        },
        .text("form-text", "type or paste into the focused field", in: form),
    ]
}

extension UIState {
    /// Runs `body` on the focused field of the open form (ignored while a login is checked).
    mutating func editForm(_ body: (inout FormField) -> Void) -> [Effect] {
        guard var form, form.pendingTask == nil else { return [] }
        body(&form.fields[form.focus])
        form.error = nil
        mode = .form(form)
        return []
    }

    /// Moves the form's focus to `next(focus, fieldCount)`.
    mutating func moveFocus(_ next: (Int, Int) -> Int) -> [Effect] {
        guard var form else { return [] }
        form.focus = next(form.focus, form.fields.count)
        mode = .form(form)
        return []
    }

    /// Moves the caret of the focused field to `target(caret, end)`, kept within the text.
    mutating func moveCaret(_ target: (Int, Int) -> Int) -> [Effect] {
        guard var form else { return [] }
        let field = form.focusedField
        form.fields[form.focus].caret = min(field.text.count, max(0, target(field.caret, field.text.count)))
        mode = .form(form)
        return []
    }

    /// Esc: closes the form, clearing its secrets, and cancels a login it is checking.
    mutating func closeForm() -> [Effect] {
        guard let form else { return [] }
        var closing = form
        closing.clearSecrets()
        mode = .browse
        if let id = closing.pendingTask, let task = tasks.removeValue(forKey: id) {
            say(Message(.info, "Cancelled: \(task.summary)", about: task.kind.subject))
            return [.cancelTask(id: id)]
        }
        return []
    }
}
