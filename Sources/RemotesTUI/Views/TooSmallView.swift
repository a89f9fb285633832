/// What is drawn below the minimum size: the size there is, the size needed, and how to quit.
enum TooSmallView {
    static func render(_ state: UIState, on screen: Screen) {
        let size = state.size
        guard size.width > 0, size.height > 0 else { return }
        let lines = [
            "Terminal too small: \(size)",
            "need at least \(ScreenSize.minimum)",
            "(q quits)",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.height {
            let shown = DisplayWidth.truncate(line, to: size.width, ellipsis: state.glyphs.ellipsis)
            let x = max(0, (size.width - DisplayWidth.of(shown)) / 2)
            screen.put(shown, row: top + i, column: x, style: i == 0 ? .bold : .plain)
        }
        screen.placeCursor(row: top, column: max(0, (size.width - DisplayWidth.of(lines[0])) / 2))
    }
}
