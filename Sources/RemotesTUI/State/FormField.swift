/// One field of a form: a line of text, a secret, or a checkbox.
struct FormField: Sendable, Equatable {
    /// Which field this is.
    enum ID: Sendable, Equatable {
        case name, uri, insecure, global, noDefault, keyserverURL, order, token, username, password
    }

    /// What kind of input it takes.
    enum Kind: Sendable, Equatable {
        /// One line of text.
        case text
        /// A token or password: drawn as one dot per character, never as itself.
        case secret
        /// On or off, toggled with Space.
        case checkbox
    }

    var id: ID
    var label: String
    var kind: Kind
    /// The text of a text or secret field.
    var text = ""
    /// Where the caret is, in characters from the start.
    var caret = 0
    /// The state of a checkbox.
    var checked = false
    /// Why the last submit refused this field.
    var error: String?

    init(_ id: ID, _ label: String, _ kind: Kind, text: String = "", checked: Bool = false) {
        self.id = id
        self.label = label
        self.kind = kind
        self.text = text
        self.caret = text.count
        self.checked = checked
    }

    var isText: Bool { kind != .checkbox }

    /// Inserts `typed` at the caret (newlines and other control characters are dropped).
    mutating func insert(_ typed: String) {
        let clean = typed.filter { c in !c.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }
        guard isText, !clean.isEmpty else { return }
        var characters = Array(text)
        characters.insert(contentsOf: clean, at: min(caret, characters.count))
        text = String(characters)
        caret += clean.count
        error = nil
    }

    /// Deletes the character before the caret.
    mutating func deleteBackward() {
        guard isText, caret > 0 else { return }
        var characters = Array(text)
        characters.remove(at: caret - 1)
        text = String(characters)
        caret -= 1
        error = nil
    }

    /// Deletes the character at the caret.
    mutating func deleteForward() {
        guard isText, caret < text.count else { return }
        var characters = Array(text)
        characters.remove(at: caret)
        text = String(characters)
        error = nil
    }

    /// Empties the field (Ctrl-U, and secrets after submit).
    mutating func clear() {
        text = ""
        caret = 0
    }
}
