/// Keys of the message log (it scrolls with `ScrollKeys`).
enum LogKeys {
    static let bindings: [KeyBinding] = [
        KeyBinding(
            [.escape, .character("m"), .character("q")], "close-log", "close the message log", hint: "close",
            in: [.log]
        ) { $0.setMode(.browse) }
    ]
}

extension UIState {
    /// `m`: opens the log at its latest messages.
    mutating func openLog() -> [Effect] {
        mode = .log(scroll: LogView.lastScroll(log, box: LogView.box(size)))
        return []
    }
}
