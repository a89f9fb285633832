import RemotesCore

/// A yes/no question before a destructive action. The answer starts on No: Enter on the
/// untouched dialog cancels, `y` confirms, `n` or Esc cancels.
struct Confirmation: Sendable, Equatable {
    /// What happens on yes.
    enum Consequence: Sendable, Equatable {
        /// Write this change.
        case apply(ConfigChange, origin: ChangeOrigin)
        /// Start this network task (a registry logout).
        case start(ServiceRequest)
    }

    var title: String
    var question: String
    /// The label of the yes button (`Remove`, `Log out`).
    var yesLabel: String
    var consequence: Consequence
    /// Whether the yes button is focused; false at first.
    var yesFocused = false
}

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
}
