/// The keys that work while the screen is below the minimum size and shows only the notice:
/// `q` (and Ctrl-C, everywhere). Nothing else acts unseen.
enum TooSmallKeys {
    static let bindings: [KeyBinding] = [
        KeyBinding(
            [.character("q")], "quit-small", "quit (nothing else works until the screen is larger)", in: [.tooSmall]
        ) {
            $0.quit()
        }
    ]
}
