/// Moving the selection and keeping it in view.
extension UIState {
    /// Moves the focused pane's selection by `delta` rows, stopping at the ends.
    @discardableResult
    mutating func moveSelection(by delta: Int) -> [Effect] {
        let count = visibleCount(focus)
        guard count > 0 else { return [] }
        let index = selectedIndex(focus) ?? 0
        let target = min(count - 1, max(0, index + delta))
        let key = visibleKey(focus, at: target)
        update(focus) { $0.selected = key }
        return []
    }

    /// Selects row `index` of the focused pane (clamped; `Int.max` is the last row).
    @discardableResult
    mutating func moveSelection(to index: Int) -> [Effect] {
        let count = visibleCount(focus)
        guard count > 0 else { return [] }
        let key = visibleKey(focus, at: min(count - 1, max(0, index)))
        update(focus) { $0.selected = key }
        return []
    }

    /// Makes every pane's selection valid (the first row when the remembered one is gone) and
    /// scrolls so that it is in view.
    mutating func keepSelectionsInView() {
        let layout = self.layout
        for pane in Pane.allCases {
            let count = visibleCount(pane)
            let rows = layout.frame(pane).itemRows
            let selected = self.pane(pane).selected
            let index = count > 0 ? visibleIndex(pane, of: selected ?? "") ?? 0 : 0
            let key = count > 0 ? visibleKey(pane, at: index) : selected
            var state = self.pane(pane)
            if count == 0 {
                state.scroll = 0
            } else {
                state.selected = key
                if index < state.scroll { state.scroll = index }
                if rows > 0, index >= state.scroll + rows { state.scroll = index - rows + 1 }
                state.scroll = max(0, min(state.scroll, max(0, count - rows)))
            }
            if state != self.pane(pane) { update(pane) { $0 = state } }
        }
    }

    /// Selects `key` in `pane` when it is visible, else the row at the same index.
    mutating func select(_ key: String?, in pane: Pane, fallbackIndex: Int? = nil) {
        let count = visibleCount(pane)
        if let key, visibleIndex(pane, of: key) != nil {
            update(pane) { $0.selected = key }
        } else if let fallbackIndex, count > 0 {
            let fallback = visibleKey(pane, at: min(count - 1, max(0, fallbackIndex)))
            update(pane) { $0.selected = fallback }
        }
        keepSelectionsInView()
    }
}
