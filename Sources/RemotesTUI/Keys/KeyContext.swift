/// Where a key binding applies.
public enum KeyContext: Hashable, Sendable {
    /// A pane has the focus and no form, dialog, filter or help is open.
    case pane(Pane)
    /// The focused pane's filter is being typed.
    case filter
    /// A form is open.
    case form
    /// A confirmation dialog is open.
    case confirm
    /// The key help is open.
    case help
    /// The details of a row are open.
    case detail
    /// The message log is open.
    case log
    /// The screen is below the minimum size: nothing but the notice is drawn.
    case tooSmall

    /// The three panes.
    public static let panes: Set<KeyContext> = [.pane(.endpoints), .pane(.keyservers), .pane(.logins)]
    /// Every context.
    static let everywhere: Set<KeyContext> = panes.union([.filter, .form, .confirm, .help, .detail, .log, .tooSmall])
}
