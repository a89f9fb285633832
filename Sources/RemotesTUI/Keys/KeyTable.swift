/// The key table, and what is generated from it.
public enum KeyTable {
    /// Every binding, in the order hints and help show them: each pane's own keys beside their
    /// handlers (`EndpointKeys`, `KeyserverKeys`, `LoginKeys`), then the keys of all panes, the
    /// filter line, forms, the dialog and the help.
    public static let bindings: [KeyBinding] =
        EndpointKeys.bindings + KeyserverKeys.bindings + LoginKeys.bindings + PaneKeys.bindings + FilterKeys.bindings
        + FormKeys.bindings + ConfirmKeys.bindings + HelpKeys.bindings + [
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

    /// The hint line's entries for `state`: keys, word, and whether the binding is refused now.
    static func hints(for state: UIState) -> [(keys: String, word: String, disabled: Bool)] {
        let context = state.keyContext
        return bindings.compactMap { b in
            guard let word = b.hint, b.contexts.contains(context), b.applies(state), let first = b.keys.first else {
                return nil
            }
            return (first.description, word, b.disabledReason(state) != nil)
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
            ("Everywhere", { $0.contains(.form) && $0.contains(.help) }),
        ]
        return sections.map { title, test in
            (title, bindings.filter { test($0.contexts) }.map { ($0.keyNames, $0.summary) })
        }
    }

    /// The key table as Markdown, for docs/keybindings.md.
    public static func markdown() -> String {
        var out = "# Key bindings\n\n"
        out += "Generated from the key table (`Sources/RemotesTUI/KeyTable.swift`); do not edit by hand.\n"
        for (title, rows) in helpSections where !rows.isEmpty {
            out += "\n## \(title)\n\n| Keys | Action |\n|---|---|\n"
            for row in rows {
                let keys = row.keys.map { "`\($0.replacing("|", with: "\\|"))`" }
                out += "| \(keys.joined(separator: ", ")) | \(row.summary) |\n"
            }
        }
        return out
    }
}
