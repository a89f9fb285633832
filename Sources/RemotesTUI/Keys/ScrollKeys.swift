/// Keys that scroll the help, the message log and the details.
enum ScrollKeys {
    private static let views: Set<KeyContext> = [.help, .log, .detail]

    static let bindings: [KeyBinding] = [
        KeyBinding([.up, .character("k")], "scroll-up", "scroll up", in: views) {
            $0.scrollView { at, _, _ in at - 1 }
        },
        KeyBinding([.down, .character("j")], "scroll-down", "scroll down", in: views) { s in
            s.scrollView { at, _, _ in at + 1 }
        },
        KeyBinding([.pageUp], "scroll-page-up", "one page up", in: views) {
            $0.scrollView { at, page, _ in at - page }
        },
        KeyBinding([.pageDown, .character(" ")], "scroll-page-down", "one page down", in: views) { s in
            s.scrollView { at, page, _ in at + page }
        },
        KeyBinding([.home, .character("g")], "scroll-top", "to the top", in: views) { $0.scrollView { _, _, _ in 0 } },
        KeyBinding([.end, .character("G")], "scroll-bottom", "to the bottom", in: views) { s in
            s.scrollView { _, _, last in last }
        },
    ]
}

extension UIState {
    /// Where the open help, log or details is scrolled, a page of it, and how far it scrolls;
    /// nil when none is open.
    var scrollPosition: (at: Int, page: Int, last: Int)? {
        switch mode {
        case .help(let scroll):
            let box = HelpView.box(size)
            return (scroll, box.rows, max(0, HelpView.lines(width: box.inner).count - box.rows))
        case .log(let scroll):
            let box = LogView.box(size)
            return (scroll, max(1, box.rows / 2), LogView.lastScroll(log, box: box))
        case .detail(let detail):
            let (_, lines, box) = DetailView.layout(detail, state: self)
            return (detail.scroll, box.rows, max(0, lines.count - box.rows))
        default:
            return nil
        }
    }

    /// Scrolls the open view to `target(at, page, last)`, kept within its range.
    mutating func scrollView(_ target: (Int, Int, Int) -> Int) -> [Effect] {
        guard let position = scrollPosition else { return [] }
        setScroll(min(position.last, max(0, target(position.at, position.page, position.last))))
        return []
    }

    /// Keeps the open view's scroll within range (after a resize).
    mutating func keepScrollsInRange() {
        guard let position = scrollPosition, position.at > position.last else { return }
        setScroll(position.last)
    }

    private mutating func setScroll(_ value: Int) {
        switch mode {
        case .help: mode = .help(scroll: value)
        case .log: mode = .log(scroll: value)
        case .detail(var detail):
            detail.scroll = value
            mode = .detail(detail)
        default: break
        }
    }
}
