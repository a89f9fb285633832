/// What the keys currently act on.
enum Mode: Sendable, Equatable {
    /// The panes.
    case browse
    /// Typing the focused pane's filter.
    case filtering
    /// A form is open.
    case form(Form)
    /// A confirmation is open.
    case confirm(Confirmation)
    /// The key help is open, scrolled to this line.
    case help(scroll: Int)
    /// The details of a row are open.
    case detail(Detail)
    /// The message log is open, scrolled to this line.
    case log(scroll: Int)
}
