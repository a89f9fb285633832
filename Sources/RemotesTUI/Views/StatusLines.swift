/// The title line, the message area and the hint line.
enum StatusLines {
    /// `Apptainer · editing ~/.apptainer/remote.yaml · global read-only (not root) · system: /etc/…`:
    /// whose files (Apptainer's or SingularityCE's), which file is edited and whether global
    /// entries can be, before the system path that may be cut.
    static func title(_ state: UIState) -> String {
        let builtin = state.config?.state.system.isBuiltin ?? (state.locations.systemSource == .builtin)
        let system = builtin ? "built-in default" : state.systemFileText
        let access = state.isRoot ? "editable (root)" : "read-only (not root)"
        let flavour = state.locations.flavor == .apptainer ? "Apptainer" : "SingularityCE"
        let parts = ["\(flavour)", "editing \(state.userFileText)", "global \(access)", "system: \(system)"]
        return parts.joined(separator: " \(state.glyphs.separator) ")
    }

    static func renderTitle(_ state: UIState, on screen: Screen) {
        screen.text(
            title(state), row: 0, column: 0, width: state.size.width, style: CellStyle(.bold, color: .accent),
            glyphs: state.glyphs)
    }

    /// The messages, wrapped onto the message area's rows; the level prefix is coloured.
    static func renderMessages(_ state: UIState, layout: Layout, on screen: Screen) {
        guard !state.messages.isEmpty else { return }
        let width = state.size.width
        let worst =
            state.messages.contains { $0.level == .error }
            ? Message.Level.error
            : state.messages.contains { $0.level == .warning } ? .warning : .info
        let color: CellStyle.ColorRole = worst == .error ? .error : worst == .warning ? .warning : .plain
        var lines = TextWrap.lines(state.messageText, width: width)
        if lines.count > layout.messageRows {
            let rest = lines[(layout.messageRows - 1)...].joined(separator: " ")
            lines = Array(lines.prefix(layout.messageRows - 1))
            lines.append(DisplayWidth.truncate(rest, to: width, ellipsis: state.glyphs.ellipsis))
        }
        for (i, line) in lines.enumerated() {
            screen.text(
                line, row: layout.messageTop + i, column: 0, width: width, style: CellStyle(color: color),
                glyphs: state.glyphs)
        }
        // Make the level words stand out (in monochrome too).
        if let first = state.messages.first, lines.first?.hasPrefix(first.prefix) == true {
            screen.put(first.prefix, row: layout.messageTop, column: 0, style: CellStyle(.bold, color: color))
        }
    }

    /// The keys that work now: `a add  d remove … ? help  q quit`, refused ones dimmed. When
    /// they do not all fit, help and quit (or the form's submit and cancel) stay.
    static func renderHints(_ state: UIState, row: Int, on screen: Screen) {
        let width = state.size.width
        let hints = KeyTable.hints(for: state)
        let essentialWords: Set<String> = ["help", "quit", "close", "submit", "cancel", "yes", "no", "keep", "clear"]
        let entryWidth = { (h: (keys: String, word: String, disabled: Bool)) in
            DisplayWidth.of(h.keys) + 1 + DisplayWidth.of(h.word) + 2
        }
        let essentialWidth = hints.filter { essentialWords.contains($0.word) }.reduce(0) { $0 + entryWidth($1) }
        var shown: [(keys: String, word: String, disabled: Bool)] = []
        var used = essentialWidth
        for hint in hints where !essentialWords.contains(hint.word) {
            let w = entryWidth(hint)
            if used + w > width { break }
            shown.append(hint)
            used += w
        }
        shown += hints.filter { essentialWords.contains($0.word) }
        var x = 0
        for var hint in shown {
            if state.glyphs == .ascii {
                for (arrow, word) in [("↑", "Up"), ("↓", "Down"), ("←", "Left"), ("→", "Right")] {
                    hint.keys = hint.keys.replacing(arrow, with: word)
                }
            }
            guard x < width else { break }
            let keyStyle: CellStyle = hint.disabled ? .dim : CellStyle(.bold, color: .accent)
            screen.put(hint.keys, row: row, column: x, style: keyStyle)
            x += DisplayWidth.of(hint.keys) + 1
            screen.put(hint.word, row: row, column: x, style: hint.disabled ? .dim : .plain)
            x += DisplayWidth.of(hint.word) + 2
        }
    }
}
