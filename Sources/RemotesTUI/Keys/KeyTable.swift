/// The key table, and what is generated from it.
public enum KeyTable {
    /// Every binding, in the order hints and help show them: each pane's own keys beside their
    /// handlers (`EndpointKeys`, `KeyserverKeys`, `LoginKeys`), then the keys of all panes, the
    /// filter line, forms, the dialog, the help, the details and the log (which scroll alike),
    /// and the too-small screen.
    public static let bindings: [KeyBinding] =
        EndpointKeys.bindings + KeyserverKeys.bindings + LoginKeys.bindings + PaneKeys.bindings + FilterKeys.bindings
        + FormKeys.bindings + ConfirmKeys.bindings + HelpKeys.bindings + DetailKeys.bindings + LogKeys.bindings
        + ScrollKeys.bindings + TooSmallKeys.bindings + [
            KeyBinding(
                [.control("c")], "interrupt", "quit at once, from anywhere (the terminal is restored)",
                in: KeyContext.everywhere
            ) { $0.quit() }
        ]

    /// The binding `key` triggers in `state`, if any.
    static func binding(for key: Key, in state: UIState) -> KeyBinding? {
        let context = state.keyContext
        return bindings.first { $0.contexts.contains(context) && $0.keys.contains(key) && $0.applies(state) }
    }

    /// One entry of the hint line: the key shown, its word, whether the binding is refused now,
    /// and the key that runs it (for a click).
    struct Hint {
        var keys: String
        var word: String
        var disabled: Bool
        var key: Key
    }

    /// The hint line's entries for `state`.
    static func hints(for state: UIState) -> [Hint] {
        let context = state.keyContext
        return bindings.compactMap { b in
            guard let word = b.hint, b.contexts.contains(context), b.applies(state), let first = b.keys.first else {
                return nil
            }
            return Hint(keys: first.description, word: word, disabled: b.disabledReason(state) != nil, key: first)
        }
    }

    /// The help sections, in order: a title and the bindings (keys, summary) under it.
    public static var helpSections: [(title: String, rows: [(keys: [String], summary: String)])] {
        let sections: [(String, (Set<KeyContext>) -> Bool)] = [
            ("All panes", { $0.isSuperset(of: KeyContext.panes) && !$0.contains(.form) }),
            ("Endpoints", { $0.contains(.pane(.endpoints)) && !$0.isSuperset(of: KeyContext.panes) }),
            ("Keyservers", { $0.contains(.pane(.keyservers)) && !$0.isSuperset(of: KeyContext.panes) }),
            ("Authenticated Logins", { $0.contains(.pane(.logins)) && !$0.isSuperset(of: KeyContext.panes) }),
            ("Filter line", { $0 == [.filter] }),
            ("Forms", { $0 == [.form] }),
            ("Confirmation", { $0 == [.confirm] }),
            ("Help", { $0 == [.help] }),
            ("Details", { $0 == [.detail] }),
            ("Message log", { $0 == [.log] }),
            ("Help, details and message log", { $0 == [.help, .log, .detail] }),
            ("Terminal too small", { $0 == [.tooSmall] }),
            ("Everywhere", { $0.contains(.form) && $0.contains(.help) }),
        ]
        return sections.map { title, test in
            (title, bindings.filter { test($0.contexts) }.map { ($0.keyNames, $0.summary) })
        }
    }

    /// The key table as Markdown, for docs/keybindings.md, with notes on the mouse and pastes.
    public static func markdown() -> String {
        var out = "# Key bindings\n\n"
        out += "Generated from the key table (`Sources/RemotesTUI/Keys/`); do not edit by hand.\n"
        for (title, rows) in helpSections where !rows.isEmpty {
            out += "\n## \(title)\n\n| Keys | Action |\n|---|---|\n"
            for row in rows {
                let keys = row.keys.map { "`\($0.replacing("|", with: "\\|"))`" }
                out += "| \(keys.joined(separator: ", ")) | \(row.summary) |\n"
            }
        }
        return out + notes
    }

    /// What the table cannot say: the mouse, and keys that arrive together.
    static let notes = """

        ## Mouse

        Never needed. A click selects a row and focuses its pane, the wheel moves through the \
        pane under it (and scrolls the help, the details and the message log), and a click on a \
        hint in the bottom line runs it as its key would. `remotes --no-mouse` leaves the mouse to \
        the terminal; with the mouse on, most terminals still select text with Shift held.

        ## Pastes and keys that arrive together

        A paste goes into the focused form field or, after `/`, into the filter; anywhere else it \
        is dropped and the message line says so. That holds without bracketed paste too: two or \
        more characters that arrive in one read (a person types one key at a time) are taken as a \
        paste, not as commands, and a pasted newline submits nothing. A confirmation only takes a \
        key pressed on its own after it is on the screen.

        """
}
