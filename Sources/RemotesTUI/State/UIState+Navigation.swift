/// Moving the selection, keeping it in view, and scrolling the help.
extension UIState {
    /// Moves the focused pane's selection by `delta` rows, stopping at the ends.
    mutating func moveSelection(by delta: Int) {
        let keys = visibleKeys(focus)
        guard !keys.isEmpty else { return }
        let index = selectedIndex(focus) ?? 0
        let target = min(keys.count - 1, max(0, index + delta))
        update(focus) { $0.selected = keys[target] }
    }

    /// Selects row `index` of the focused pane (clamped; `Int.max` is the last row).
    mutating func moveSelection(to index: Int) {
        let keys = visibleKeys(focus)
        guard !keys.isEmpty else { return }
        update(focus) { $0.selected = keys[min(keys.count - 1, max(0, index))] }
    }

    /// Makes every pane's selection valid (the first row when the remembered one is gone) and
    /// scrolls so that it is in view.
    mutating func keepSelectionsInView() {
        let layout = self.layout
        for pane in Pane.allCases {
            let keys = visibleKeys(pane)
            let rows = layout.frame(pane).itemRows
            update(pane) { state in
                guard !keys.isEmpty else {
                    state.scroll = 0
                    return
                }
                let index = keys.firstIndex(of: state.selected ?? "") ?? 0
                state.selected = keys[index]
                if index < state.scroll { state.scroll = index }
                if rows > 0, index >= state.scroll + rows { state.scroll = index - rows + 1 }
                state.scroll = max(0, min(state.scroll, max(0, keys.count - rows)))
            }
        }
    }

    /// Selects `key` in `pane` when it is visible, else the row at the same index.
    mutating func select(_ key: String?, in pane: Pane, fallbackIndex: Int? = nil) {
        let keys = visibleKeys(pane)
        if let key, keys.contains(key) {
            update(pane) { $0.selected = key }
        } else if let fallbackIndex, !keys.isEmpty {
            update(pane) { $0.selected = keys[min(keys.count - 1, max(0, fallbackIndex))] }
        }
        keepSelectionsInView()
    }

    /// The help's lines, as the help view draws them (used to bound scrolling).
    var helpLineCount: Int {
        HelpView.lines().count
    }

    /// How many help lines fit in the help box.
    var helpPageRows: Int { max(1, size.height - 5) }

    var maxHelpScroll: Int { max(0, helpLineCount - helpPageRows) }

    mutating func scrollHelp(_ action: Action) {
        guard case .help(let scroll) = mode else { return }
        var next = scroll
        switch action {
        case .scrollUp: next -= 1
        case .scrollDown: next += 1
        case .scrollPageUp: next -= helpPageRows
        case .scrollPageDown: next += helpPageRows
        case .scrollTop: next = 0
        case .scrollBottom: next = maxHelpScroll
        default: break
        }
        mode = .help(scroll: min(maxHelpScroll, max(0, next)))
    }
}
