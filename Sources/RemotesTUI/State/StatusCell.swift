/// What the status cell of an endpoint says.
enum StatusCell: Sendable, Equatable {
    /// A check is running.
    case running
    /// The last check's short answer.
    case done(String, ok: Bool)
}
