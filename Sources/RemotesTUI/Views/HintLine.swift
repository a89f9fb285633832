/// The hint line: the keys that work now (`a add  d remove … ? help  q quit`), refused ones
/// dimmed. When they do not all fit, help and quit (or the form's submit and cancel) stay.
/// The state uses the same layout to run a hint that is clicked.
enum HintLine {
    /// One hint where it is drawn.
    struct Entry: Sendable, Equatable {
        /// The first column.
        var column: Int
        /// The key's name as shown.
        var keys: String
        /// The word after it.
        var word: String
        /// Whether the binding is refused now.
        var disabled: Bool
        /// The key that runs the binding.
        var key: Key

        /// The columns the entry takes, key and word.
        var width: Int { DisplayWidth.of(keys) + 1 + DisplayWidth.of(word) }
    }

    private static let essentialWords: Set<String> = [
        "help", "quit", "close", "submit", "cancel", "yes", "no", "keep", "clear",
    ]

    /// The hints shown for `state`, placed from column 0.
    static func entries(for state: UIState) -> [Entry] {
        let width = state.size.width
        let hints = KeyTable.hints(for: state)
        let entryWidth = { (h: KeyTable.Hint) in DisplayWidth.of(h.keys) + 1 + DisplayWidth.of(h.word) + 2 }
        let essential = hints.filter { essentialWords.contains($0.word) }
        var used = essential.reduce(0) { $0 + entryWidth($1) }
        var shown: [KeyTable.Hint] = []
        for hint in hints where !essentialWords.contains(hint.word) {
            let w = entryWidth(hint)
            if used + w > width { break }
            shown.append(hint)
            used += w
        }
        shown += essential
        var x = 0
        var out: [Entry] = []
        for hint in shown where x < width {
            var keys = hint.keys
            if state.glyphs == .ascii {
                for (arrow, word) in [("↑", "Up"), ("↓", "Down"), ("←", "Left"), ("→", "Right")] {
                    keys = keys.replacing(arrow, with: word)
                }
            }
            let entry = Entry(column: x, keys: keys, word: hint.word, disabled: hint.disabled, key: hint.key)
            out.append(entry)
            x += entry.width + 2
        }
        return out
    }

    /// Draws the hints on `row`.
    static func render(_ state: UIState, row: Int, on screen: Screen) {
        for entry in entries(for: state) {
            let keyStyle: CellStyle = entry.disabled ? .dim : CellStyle(.bold, color: .accent)
            screen.put(entry.keys, row: row, column: entry.column, style: keyStyle)
            screen.put(
                entry.word, row: row, column: entry.column + DisplayWidth.of(entry.keys) + 1,
                style: entry.disabled ? .dim : .plain)
        }
    }
}
