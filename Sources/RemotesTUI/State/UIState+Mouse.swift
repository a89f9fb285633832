/// The mouse: a click selects a row and focuses its pane, the wheel moves through a pane or
/// scrolls the help, the log and the details, and a click on a hint runs it as its key would.
extension UIState {
    /// Rows the wheel moves at a time.
    static let wheelStep = 3

    mutating func handleMouse(_ mouse: MouseEvent) -> [Effect] {
        guard !isTooSmall else { return [] }
        let layout = self.layout
        if mouse.row == layout.hintRow {
            guard mouse.action == .click,
                let hint = HintLine.entries(for: self).first(where: {
                    mouse.column >= $0.column && mouse.column < $0.column + $0.width
                })
            else { return [] }
            return handleKey(hint.key, alone: true)
        }
        switch mode {
        case .help, .log, .detail:
            switch mouse.action {
            case .wheelUp: return scrollView { at, _, _ in at - Self.wheelStep }
            case .wheelDown: return scrollView { at, _, _ in at + Self.wheelStep }
            case .click: return []
            }
        case .browse, .filtering:
            guard let pane = Pane.allCases.first(where: { layout.frame($0).contains(row: mouse.row) }) else {
                return []
            }
            pointAt(pane, mouse, layout: layout)
            return []
        case .form, .confirm:
            return []
        }
    }

    /// Focuses `pane` and selects the row clicked, or moves by the wheel; a click ends typing
    /// the filter (which stays).
    private mutating func pointAt(_ pane: Pane, _ mouse: MouseEvent, layout: Layout) {
        if mode == .filtering { mode = .browse }
        focus = pane
        switch mouse.action {
        case .wheelUp: moveSelection(by: -Self.wheelStep)
        case .wheelDown: moveSelection(by: Self.wheelStep)
        case .click:
            let frame = layout.frame(pane)
            let index = self.pane(pane).scroll + mouse.row - frame.itemsTop
            if mouse.row >= frame.itemsTop, index < visibleCount(pane) { moveSelection(to: index) }
        }
        keepSelectionsInView()
    }
}
