/// Keys of the key help.
enum HelpKeys {
    private static let help: Set<KeyContext> = [.help]

    static let bindings: [KeyBinding] = [
        KeyBinding(
            [.escape, .character("?"), .function(1), .character("q")], "close-help", "close the help", hint: "close",
            in: help
        ) { $0.setMode(.browse) },
        KeyBinding([.up, .character("k")], "scroll-up", "scroll up", in: help) { $0.scrollHelp { $0 - 1 } },
        KeyBinding([.down, .character("j")], "scroll-down", "scroll down", in: help) { $0.scrollHelp { $0 + 1 } },
        KeyBinding([.pageUp], "scroll-page-up", "one page up", in: help) { s in
            let page = s.helpPageRows
            return s.scrollHelp { $0 - page }
        },
        KeyBinding([.pageDown, .character(" ")], "scroll-page-down", "one page down", in: help) { s in
            let page = s.helpPageRows
            return s.scrollHelp { $0 + page }
        },
        KeyBinding([.home, .character("g")], "scroll-top", "to the top", in: help) { $0.scrollHelp { _ in 0 } },
        KeyBinding([.end, .character("G")], "scroll-bottom", "to the bottom", in: help) { s in
            let bottom = s.maxHelpScroll
            return s.scrollHelp { _ in bottom }
        },
    ]
}

extension UIState {
    /// The help's lines, as the help view draws them (used to bound scrolling).
    var helpLineCount: Int { HelpView.lines().count }

    /// How many help lines fit in the help box.
    var helpPageRows: Int { max(1, size.height - 5) }

    var maxHelpScroll: Int { max(0, helpLineCount - helpPageRows) }

    /// Scrolls the help to `target(current)`, kept within its lines.
    mutating func scrollHelp(_ target: (Int) -> Int) -> [Effect] {
        guard case .help(let scroll) = mode else { return [] }
        mode = .help(scroll: min(maxHelpScroll, max(0, target(scroll))))
        return []
    }
}
