/// Where a key binding applies.
public enum KeyContext: Hashable, Sendable {
    /// A pane has the focus and no form, dialog, filter or help is open.
    case pane(Pane)
    /// The focused pane's filter is being typed.
    case filter
    /// A form is open.
    case form
    /// A confirmation dialog is open.
    case confirm
    /// The key help is open.
    case help

    /// The three panes.
    public static let panes: Set<KeyContext> = [.pane(.endpoints), .pane(.keyservers), .pane(.logins)]
}

/// What a key does. One case per thing the user can ask for; `UIState.perform(_:)` runs it.
public enum Action: String, Sendable, CaseIterable {
    // Panes.
    case nextPane, previousPane, focusEndpoints, focusKeyservers, focusLogins
    case moveUp, moveDown, moveTop, moveBottom, pageUp, pageDown
    case addRemote, removeRemote, useRemote, loginEndpoint, logoutEndpoint, status, statusAll
    case addKeyserver, removeKeyserver, moveKeyserverUp, moveKeyserverDown, loginKeyserver, logoutKeyserver
    case addLogin, reLogin, removeLogin
    case reload, filter, cancel, help, quit
    // Filter.
    case filterAccept, filterClear
    // Forms and the filter line.
    case fieldNext, fieldPrevious, toggle, submit, closeForm
    case caretLeft, caretRight, caretHome, caretEnd, deleteBackward, deleteForward, clearField
    // Confirmation.
    case confirmYes, confirmNo, confirmSwitch, confirmActivate
    // Help.
    case closeHelp, scrollUp, scrollDown, scrollPageUp, scrollPageDown, scrollTop, scrollBottom
}

/// One entry of the key table: which keys, what they do, where, and when they are refused.
/// The same entries drive dispatch, the hint line, the `?` help and docs/keybindings.md.
public struct KeyBinding: Sendable {
    /// The keys, first one shown first.
    public let keys: [Key]
    /// What they do.
    public let action: Action
    /// A one-line description for the help and the docs.
    public let summary: String
    /// The word shown in the hint line; nil keeps the binding out of it.
    public let hint: String?
    /// Where the binding applies.
    public let contexts: Set<KeyContext>
    /// Shown instead of `keys` in the help (for "type text").
    let keysLabel: String?
    /// False when the binding does not apply in this state (the key then falls through, for
    /// example Space types a space in a text field and toggles a checkbox).
    let applies: @Sendable (UIState) -> Bool
    /// Why the action cannot run now; nil when it can.
    let disabledReason: @Sendable (UIState) -> String?

    init(
        _ keys: [Key], _ action: Action, _ summary: String, hint: String? = nil, in contexts: Set<KeyContext>,
        keysLabel: String? = nil, applies: @escaping @Sendable (UIState) -> Bool = { _ in true },
        disabled: @escaping @Sendable (UIState) -> String? = { _ in nil }
    ) {
        self.keys = keys
        self.action = action
        self.summary = summary
        self.hint = hint
        self.contexts = contexts
        self.keysLabel = keysLabel
        self.applies = applies
        self.disabledReason = disabled
    }

    /// The keys as shown to people, one name each (`d`, `Delete`).
    public var keyNames: [String] { keysLabel.map { [$0] } ?? keys.map(\.description) }
}

/// The key table, and what is generated from it.
public enum KeyTable {
    private static let endpoints: Set<KeyContext> = [.pane(.endpoints)]
    private static let keyservers: Set<KeyContext> = [.pane(.keyservers)]
    private static let logins: Set<KeyContext> = [.pane(.logins)]
    private static let everywhere: Set<KeyContext> = KeyContext.panes.union([.filter, .form, .confirm, .help])

    private static func noEndpoint(_ s: UIState) -> String? { s.selectedEndpoint == nil ? "no endpoint selected" : nil }
    private static func noKeyserver(_ s: UIState) -> String? {
        if s.selectedEndpoint == nil { return "no endpoint selected" }
        return s.selectedKeyserver == nil ? "no keyserver selected" : nil
    }
    private static func noLogin(_ s: UIState) -> String? { s.selectedLogin == nil ? "no login selected" : nil }
    private static func notLoaded(_ s: UIState) -> String? {
        s.config == nil ? "the configuration could not be read (press r to try again)" : nil
    }
    private static func keyserverMove(_ s: UIState, by delta: Int) -> String? {
        if let reason = noKeyserver(s) { return reason }
        guard let row = s.selectedKeyserver, let order = row.order else { return "a skipped keyserver has no order" }
        let inUse = s.config?.keyserverRows(of: s.selectedEndpoint?.name ?? "").filter { $0.order != nil }.count ?? 0
        if delta < 0 && order == 1 { return "already the first keyserver" }
        if delta > 0 && order >= inUse { return "already the last keyserver" }
        return nil
    }
    private static func isCheckbox(_ s: UIState) -> Bool { s.form?.focusedField.kind == .checkbox }
    private static func formBusy(_ s: UIState) -> String? {
        s.form?.pendingTask != nil ? "a login is being checked (Esc cancels it)" : nil
    }

    /// Every binding, in the order hints and help show them.
    public static let bindings: [KeyBinding] = [
        // Endpoints.
        KeyBinding(
            [.character("a")], .addRemote, "add a remote endpoint", hint: "add", in: endpoints, disabled: notLoaded),
        KeyBinding(
            [.character("d"), .delete], .removeRemote, "remove the selected remote (asks first)", hint: "remove",
            in: endpoints, disabled: noEndpoint),
        KeyBinding(
            [.character("u")], .useRemote, "use the selected remote as the default", hint: "use", in: endpoints,
            disabled: noEndpoint),
        KeyBinding(
            [.character("l")], .loginEndpoint, "log in to the selected remote with an access token", hint: "login",
            in: endpoints, disabled: noEndpoint),
        KeyBinding(
            [.character("o")], .logoutEndpoint, "log out of the selected remote (asks first)", hint: "logout",
            in: endpoints,
            disabled: { s in noEndpoint(s) ?? (s.selectedEndpoint?.loggedIn == true ? nil : "not logged in") }),
        // Keyservers.
        KeyBinding(
            [.character("a")], .addKeyserver, "add a keyserver to the selected remote", hint: "add", in: keyservers,
            disabled: noEndpoint),
        KeyBinding(
            [.character("d"), .delete], .removeKeyserver, "remove the selected keyserver (asks first)", hint: "remove",
            in: keyservers,
            disabled: { s in
                noKeyserver(s)
                    ?? (s.selectedKeyserver?.order == nil ? "this built-in keyserver is already removed" : nil)
            }),
        KeyBinding(
            [.shiftUp, .character("K")], .moveKeyserverUp, "move the selected keyserver up (saved at once)",
            hint: "move up", in: keyservers, disabled: { keyserverMove($0, by: -1) }),
        KeyBinding(
            [.shiftDown, .character("J")], .moveKeyserverDown, "move the selected keyserver down (saved at once)",
            hint: "move down", in: keyservers, disabled: { keyserverMove($0, by: 1) }),
        KeyBinding(
            [.character("l")], .loginKeyserver, "log in to the selected keyserver", hint: "login", in: keyservers,
            disabled: noKeyserver),
        KeyBinding(
            [.character("o")], .logoutKeyserver, "log out of the selected keyserver (asks first)", hint: "logout",
            in: keyservers,
            disabled: { s in noKeyserver(s) ?? (s.selectedKeyserver?.loggedIn == true ? nil : "not logged in") }),
        // Logins.
        KeyBinding(
            [.character("a")], .addLogin, "log in to a registry or keyserver", hint: "login", in: logins,
            disabled: notLoaded),
        KeyBinding(
            [.character("l")], .reLogin, "log in again to the selected registry or keyserver", in: logins,
            disabled: noLogin),
        KeyBinding(
            [.character("o"), .character("d"), .delete], .removeLogin,
            "log out: remove the selected login (asks first)",
            hint: "logout", in: logins, disabled: noLogin),
        // Endpoints and keyservers.
        KeyBinding(
            [.character("s")], .status, "check the status of the selected remote", hint: "status",
            in: endpoints.union(keyservers), disabled: noEndpoint),
        // All panes.
        KeyBinding(
            [.character("S")], .statusAll, "check the status of every remote", hint: "all", in: KeyContext.panes,
            disabled: { s in s.visibleEndpoints.isEmpty ? "no endpoints" : nil }),
        KeyBinding([.character("/")], .filter, "filter the focused pane", hint: "filter", in: KeyContext.panes),
        KeyBinding([.character("r")], .reload, "reload the files from disk", hint: "reload", in: KeyContext.panes),
        KeyBinding([.tab], .nextPane, "next pane", hint: "pane", in: KeyContext.panes),
        KeyBinding([.backTab], .previousPane, "previous pane", in: KeyContext.panes),
        KeyBinding([.character("1")], .focusEndpoints, "go to Endpoints", in: KeyContext.panes),
        KeyBinding([.character("2")], .focusKeyservers, "go to Keyservers", in: KeyContext.panes),
        KeyBinding([.character("3")], .focusLogins, "go to Authenticated Logins", in: KeyContext.panes),
        KeyBinding([.up, .character("k")], .moveUp, "previous row", in: KeyContext.panes),
        KeyBinding([.down, .character("j")], .moveDown, "next row", in: KeyContext.panes),
        KeyBinding([.home, .character("g")], .moveTop, "first row", in: KeyContext.panes),
        KeyBinding([.end, .character("G")], .moveBottom, "last row", in: KeyContext.panes),
        KeyBinding([.pageUp], .pageUp, "one page up", in: KeyContext.panes),
        KeyBinding([.pageDown], .pageDown, "one page down", in: KeyContext.panes),
        KeyBinding(
            [.escape], .cancel, "cancel running network work, else clear the filter", in: KeyContext.panes),
        KeyBinding([.character("?"), .function(1)], .help, "show all keys", hint: "help", in: KeyContext.panes),
        KeyBinding([.character("q")], .quit, "quit", hint: "quit", in: KeyContext.panes),
        // Filter line.
        KeyBinding([.enter], .filterAccept, "keep the filter and go back to the pane", hint: "keep", in: [.filter]),
        KeyBinding([.escape], .filterClear, "clear the filter", hint: "clear", in: [.filter]),
        KeyBinding([.backspace], .deleteBackward, "delete a character", in: [.filter]),
        KeyBinding([], .filterAccept, "type to filter by name or URI", in: [.filter], keysLabel: "text"),
        // Forms.
        KeyBinding(
            [.enter], .submit, "submit the form (from any field)", hint: "submit", in: [.form], disabled: formBusy),
        KeyBinding([.escape], .closeForm, "cancel the form (and a login being checked)", hint: "cancel", in: [.form]),
        KeyBinding([.tab, .down], .fieldNext, "next field", hint: "next", in: [.form]),
        KeyBinding([.backTab, .up], .fieldPrevious, "previous field", in: [.form]),
        KeyBinding(
            [.character(" ")], .toggle, "toggle the checkbox", hint: "toggle", in: [.form], applies: isCheckbox,
            disabled: formBusy),
        KeyBinding([.left], .caretLeft, "move the caret left", in: [.form]),
        KeyBinding([.right], .caretRight, "move the caret right", in: [.form]),
        KeyBinding([.home], .caretHome, "caret to the start of the field", in: [.form]),
        KeyBinding([.end], .caretEnd, "caret to the end of the field", in: [.form]),
        KeyBinding([.backspace], .deleteBackward, "delete before the caret", in: [.form], disabled: formBusy),
        KeyBinding([.delete], .deleteForward, "delete at the caret", in: [.form], disabled: formBusy),
        KeyBinding([.control("u")], .clearField, "clear the field", in: [.form], disabled: formBusy),
        KeyBinding([], .submit, "type or paste into the focused field", in: [.form], keysLabel: "text"),
        // Confirmation.
        KeyBinding([.character("y"), .character("Y")], .confirmYes, "yes, do it", hint: "yes", in: [.confirm]),
        KeyBinding(
            [.character("n"), .character("N"), .escape], .confirmNo, "no, cancel (the default)", hint: "no",
            in: [.confirm]),
        KeyBinding([.tab, .backTab, .left, .right], .confirmSwitch, "switch between No and Yes", in: [.confirm]),
        KeyBinding([.enter], .confirmActivate, "answer with the focused button (No at first)", in: [.confirm]),
        // Help.
        KeyBinding(
            [.escape, .character("?"), .function(1), .character("q")], .closeHelp, "close the help", hint: "close",
            in: [.help]),
        KeyBinding([.up, .character("k")], .scrollUp, "scroll up", in: [.help]),
        KeyBinding([.down, .character("j")], .scrollDown, "scroll down", in: [.help]),
        KeyBinding([.pageUp], .scrollPageUp, "one page up", in: [.help]),
        KeyBinding([.pageDown, .character(" ")], .scrollPageDown, "one page down", in: [.help]),
        KeyBinding([.home, .character("g")], .scrollTop, "to the top", in: [.help]),
        KeyBinding([.end, .character("G")], .scrollBottom, "to the bottom", in: [.help]),
        // Everywhere.
        KeyBinding([.control("c")], .quit, "quit at once, from anywhere (the terminal is restored)", in: everywhere),
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
