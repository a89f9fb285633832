/// Where everything goes on a screen of a given size. Pure, so the state can use it to keep the
/// selection in view and to size PgUp/PgDn, and the views to draw.
struct Layout: Sendable, Equatable {
    /// The rows of one pane: a heading, a column header, then the items.
    struct PaneFrame: Sendable, Equatable {
        var top: Int
        var height: Int
        var headingRow: Int { top }
        var headerRow: Int { top + 1 }
        var itemsTop: Int { top + 2 }
        var itemRows: Int { max(0, height - 2) }
        /// True when `row` is one of the pane's.
        func contains(row: Int) -> Bool { row >= top && row < top + height }
    }

    var size: ScreenSize
    /// True below `ScreenSize.minimum`: only the "terminal too small" notice is drawn.
    var tooSmall: Bool
    var titleRow: Int { 0 }
    var endpoints: PaneFrame
    var keyservers: PaneFrame
    var logins: PaneFrame
    /// The first row of the message area.
    var messageTop: Int
    /// How many rows the message area has (1 or 2).
    var messageRows: Int
    /// The last row: the key hints.
    var hintRow: Int { size.height - 1 }

    /// The frame of `pane`.
    func frame(_ pane: Pane) -> PaneFrame {
        switch pane {
        case .endpoints: return endpoints
        case .keyservers: return keyservers
        case .logins: return logins
        }
    }

    /// The layout for `size` with a message area of `messageRows` rows (1 or 2).
    static func compute(_ size: ScreenSize, messageRows: Int = 1) -> Layout {
        let tooSmall = !size.fits(.minimum)
        let messageRows = min(2, max(1, messageRows))
        let area = max(0, size.height - 2 - messageRows)
        let endpoints = max(4, area * 2 / 5)
        let keyservers = max(0, (area - endpoints) / 2)
        let logins = max(0, area - endpoints - keyservers)
        return Layout(
            size: size, tooSmall: tooSmall,
            endpoints: PaneFrame(top: 1, height: endpoints),
            keyservers: PaneFrame(top: 1 + endpoints, height: keyservers),
            logins: PaneFrame(top: 1 + endpoints + keyservers, height: logins),
            messageTop: 1 + area, messageRows: messageRows)
    }
}
