/// Keys while the focused pane's filter is typed (other typed text goes into the filter).
enum FilterKeys {
    private static let filter: Set<KeyContext> = [.filter]

    static let bindings: [KeyBinding] = [
        KeyBinding([.enter], "filter-accept", "keep the filter and go back to the pane", hint: "keep", in: filter) {
            $0.setMode(.browse)
        },
        KeyBinding([.escape], "filter-clear", "clear the filter", hint: "clear", in: filter) { s in
            s.update(s.focus) { $0.filter = "" }
            return s.setMode(.browse)
        },
        KeyBinding([.backspace], "filter-delete", "delete a character", in: filter) { s in
            s.update(s.focus) { state in
                if !state.filter.isEmpty { state.filter.removeLast() }
            }
            return []
        },
        .text("filter-text", "type to filter by name or URI", in: filter),
    ]
}
