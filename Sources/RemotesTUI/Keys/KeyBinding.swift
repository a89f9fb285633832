/// One entry of the key table: which keys, what they do (the handler itself), where, and when
/// they are refused. The same entries drive dispatch, the hint line, the `?` help and
/// docs/keybindings.md. A binding carries its handler, so there is no second table to keep in
/// step and no action that a `switch` could forget.
public struct KeyBinding: Sendable {
    /// The keys, first one shown first.
    public let keys: [Key]
    /// A stable name (`remove-remote`), for tests.
    public let name: String
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
    /// What the keys do: changes the state and returns the effects for the event loop.
    let run: @Sendable (inout UIState) -> [Effect]

    init(
        _ keys: [Key], _ name: String, _ summary: String, hint: String? = nil, in contexts: Set<KeyContext>,
        keysLabel: String? = nil, applies: @escaping @Sendable (UIState) -> Bool = { _ in true },
        disabled: @escaping @Sendable (UIState) -> String? = { _ in nil },
        run: @escaping @Sendable (inout UIState) -> [Effect]
    ) {
        self.keys = keys
        self.name = name
        self.summary = summary
        self.hint = hint
        self.contexts = contexts
        self.keysLabel = keysLabel
        self.applies = applies
        self.disabledReason = disabled
        self.run = run
    }

    /// A help-only entry for typed text (no key triggers it).
    static func text(_ name: String, _ summary: String, in contexts: Set<KeyContext>) -> KeyBinding {
        KeyBinding([], name, summary, in: contexts, keysLabel: "text", run: { _ in [] })
    }

    /// The keys as shown to people, one name each (`d`, `Delete`).
    public var keyNames: [String] { keysLabel.map { [$0] } ?? keys.map(\.description) }

    /// The warning when the binding is refused for `reason`: `Cannot move the selected keyserver
    /// up: it is already the first keyserver`.
    func refusal(_ reason: String) -> String {
        var action = summary
        if let aside = action.firstRange(of: " (") { action = String(action[..<aside.lowerBound]) }
        return "Cannot \(action): \(reason)"
    }
}

/// Reasons a binding is refused, shared by the panes' bindings.
enum Refusal {
    static func noEndpoint(_ s: UIState) -> String? { s.selectedEndpoint == nil ? "no endpoint selected" : nil }
    static func noKeyserver(_ s: UIState) -> String? {
        if s.selectedEndpoint == nil { return "no endpoint selected" }
        return s.selectedKeyserver == nil ? "no keyserver selected" : nil
    }
    static func noLogin(_ s: UIState) -> String? { s.selectedLogin == nil ? "no login selected" : nil }
    static func notLoaded(_ s: UIState) -> String? {
        s.config == nil ? "the configuration could not be read (press r to try again)" : nil
    }
}
