/// The three lists on the screen, top to bottom.
public enum Pane: Int, CaseIterable, Sendable, Hashable {
    /// Remote endpoints.
    case endpoints
    /// The keyservers of the selected endpoint.
    case keyservers
    /// Registry and keyserver logins.
    case logins

    /// The number that jumps to this pane (`1`, `2`, `3`).
    public var number: Int { rawValue + 1 }

    /// The pane's name.
    public var title: String {
        switch self {
        case .endpoints: return "Endpoints"
        case .keyservers: return "Keyservers"
        case .logins: return "Authenticated Logins"
        }
    }

    /// The next pane, wrapping around.
    var next: Pane { Pane(rawValue: (rawValue + 1) % 3) ?? .endpoints }
    /// The previous pane, wrapping around.
    var previous: Pane { Pane(rawValue: (rawValue + 2) % 3) ?? .endpoints }
}

/// What the UI remembers about one pane: the selected item (by identity, so that it survives a
/// reload), how far it is scrolled, and its filter.
struct PaneState: Sendable, Equatable {
    /// The key of the selected row (endpoint name, keyserver URI or login URI).
    var selected: String?
    /// The first row shown.
    var scroll = 0
    /// The filter text; empty shows every row.
    var filter = ""
}
