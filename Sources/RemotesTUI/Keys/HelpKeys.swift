/// Keys of the key help (it scrolls with `ScrollKeys`).
enum HelpKeys {
    static let bindings: [KeyBinding] = [
        KeyBinding(
            [.escape, .character("?"), .function(1), .character("q")], "close-help", "close the help", hint: "close",
            in: [.help]
        ) { $0.setMode(.browse) }
    ]
}
