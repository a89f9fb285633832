import RemotesCore

/// The details of a row (Enter), in a box over the panes: everything known about an endpoint,
/// a keyserver or a login, each value whole (wrapped, never cut).
enum DetailView {
    /// The widest box the details take.
    static let maxWidth = 110

    /// The box the details are drawn in: as high as its `lines` need, at most the screen's.
    static func box(_ size: ScreenSize, lines: Int) -> ScrollBox {
        var box = ScrollBox.frame(size, maxWidth: maxWidth)
        box.height = min(box.height, lines + 3)
        box.top = max(1, (size.height - box.height) / 2)
        return box
    }

    /// The lines of `detail` on a screen of `size`, and the box they are drawn in.
    static func layout(_ detail: Detail, state: UIState) -> (title: String, lines: [StyledLine], box: ScrollBox) {
        let width = ScrollBox.frame(state.size, maxWidth: maxWidth).inner
        let (title, lines) = content(detail, state: state, width: width)
        return (title, lines, box(state.size, lines: lines.count))
    }

    /// The title and lines of `detail` at `width` columns.
    static func content(_ detail: Detail, state: UIState, width: Int) -> (title: String, lines: [StyledLine]) {
        var lines = DetailLines(width: width)
        let title: String
        switch detail.target {
        case .endpoint(let name):
            title = "Remote \(name)"
            lines.endpoint(name, state: state)
        case .keyserver(let remote, let uri):
            title = "Keyserver of \(remote)"
            lines.keyserver(uri, of: remote, state: state)
        case .login(let uri):
            title = "Login"
            lines.login(uri, registry: detail.registry, state: state)
        }
        return (title, lines.lines)
    }

    /// Draws `detail`; returns where the cursor goes.
    static func render(_ detail: Detail, state: UIState, on screen: Screen) -> (row: Int, column: Int) {
        let g = state.glyphs
        let (title, all, box) = layout(detail, state: state)
        let first = min(detail.scroll, max(0, all.count - box.rows))
        let last = min(all.count, first + box.rows)
        let footer = box.fitting([
            "lines \(first + 1)-\(last) of \(all.count) \(g.separator) ↑↓ scroll \(g.separator) Esc closes",
            "Esc closes",
        ])
        return box.draw(title: title, lines: all[first...], footer: footer, glyphs: g, on: screen)
    }
}

/// The lines of a detail view, built field by field: `label  value`, the value wrapped under
/// itself.
struct DetailLines {
    let width: Int
    private(set) var lines: [StyledLine] = []
    private let labelWidth = 14

    init(width: Int) {
        self.width = width
    }

    /// `label  value`, the value wrapped.
    mutating func field(_ label: String, _ value: String, _ style: CellStyle = .plain) {
        lines += TextWrap.hanging(DisplayWidth.fit(label, to: labelWidth) + " ", value, width: width, style: style)
    }

    /// A section title, after a blank line.
    mutating func section(_ title: String) {
        lines.append(StyledLine(""))
        lines.append(StyledLine(title, CellStyle(.bold, color: .accent)))
    }

    /// A line of its own.
    mutating func note(_ text: String, _ style: CellStyle = .dim) {
        lines += TextWrap.lines(text, width: width).map { StyledLine($0, style) }
    }

    /// `yes` or `no`, with what it means.
    static func yes(_ flag: Bool, _ yes: String = "", _ no: String = "") -> String {
        let detail = flag ? yes : no
        return (flag ? "yes" : "no") + (detail.isEmpty ? "" : " (\(detail))")
    }
}
