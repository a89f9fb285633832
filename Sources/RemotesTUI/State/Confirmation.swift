import RemotesCore

/// A yes/no question before a destructive action. The answer starts on No: Enter on the
/// untouched dialog cancels, `y` confirms, `n` or Esc cancels. Only a key pressed on its own
/// after the dialog was drawn answers it.
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
    /// Set once the dialog was on the screen: keys read before cannot answer it.
    var armed = false
    /// Set once keys that arrived together were refused (said once per dialog).
    var ignoredKeys = false
}
