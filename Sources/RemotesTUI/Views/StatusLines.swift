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

    /// What ends a message area too short for what the last action said.
    static let moreMark = " [m: more]"

    /// The messages of the last action, wrapped onto the message area's rows; the level prefix
    /// is coloured. When they do not fit, the last row ends by saying that `m` shows them all.
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
            let room = width - DisplayWidth.of(moreMark)
            lines.append(DisplayWidth.truncate(rest, to: room, ellipsis: state.glyphs.ellipsis) + moreMark)
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
}
