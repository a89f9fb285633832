/// Draws the whole UI for a state: title, the three panes, the message area and the hints, then
/// any form, confirmation, help, details or log on top. The cursor is placed last, on the focused row or
/// field.
enum RootView {
    static func render(_ state: UIState, on screen: Screen) {
        screen.clear()
        let layout = state.layout
        if layout.tooSmall {
            TooSmallView.render(state, on: screen)
            screen.flush()
            return
        }
        StatusLines.renderTitle(state, on: screen)
        var cursor = (row: 0, column: 0)
        for pane in Pane.allCases {
            let view: PaneView
            switch pane {
            case .endpoints: view = EndpointsPane.view(state)
            case .keyservers: view = KeyserversPane.view(state)
            case .logins: view = LoginsPane.view(state)
            }
            let paneCursor = view.render(state, frame: layout.frame(pane), on: screen)
            if pane == state.focus { cursor = paneCursor }
        }
        StatusLines.renderMessages(state, layout: layout, on: screen)
        HintLine.render(state, row: layout.hintRow, on: screen)
        switch state.mode {
        case .form(let form): cursor = FormView.render(form, state: state, on: screen)
        case .confirm(let confirmation): cursor = ConfirmView.render(confirmation, state: state, on: screen)
        case .help(let scroll): cursor = HelpView.render(scroll: scroll, state: state, on: screen)
        case .log(let scroll): cursor = LogView.render(scroll: scroll, state: state, on: screen)
        case .detail(let detail): cursor = DetailView.render(detail, state: state, on: screen)
        case .browse, .filtering: break
        }
        screen.placeCursor(row: cursor.row, column: cursor.column)
        screen.flush()
    }
}
