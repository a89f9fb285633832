/// Input read in one go, before the screen could show anything in between: keys that arrived
/// together. A person types one key at a time; several keys at once are a paste (by a
/// terminal or multiplexer without bracketed paste: `tmux paste-buffer`), a macro or a
/// replay, and must not run as commands. So two or more characters that arrived together
/// (with the Enters between and after them: a pasted newline submits nothing) become one
/// `.paste`, which only a text field or the filter takes; a key repeated alone (`jjj`) still
/// moves. Every other key of the burst (Tab, arrows, Esc…) is delivered as a `.burstKey`,
/// which acts as usual but never answers a confirmation.
enum InputBurst {
    /// The UI events for `batch`, in order.
    static func events(_ batch: [InputEvent]) -> [UIEvent] {
        guard batch.count > 1 else { return batch.map(single) }
        var out: [UIEvent] = []
        var run: [Key] = []
        func endRun() {
            if isPaste(run) {
                out.append(.key(.paste(text(run))))
            } else {
                out += run.map(UIEvent.burstKey)
            }
            run = []
        }
        for event in batch {
            switch event {
            case .key(let key) where typesText(key): run.append(key)
            case .key(.paste(let text)):
                endRun()
                out.append(.key(.paste(text)))
            case .key(let key):
                endRun()
                out.append(.burstKey(key))
            case .mouse(let mouse):
                endRun()
                out.append(.mouse(mouse))
            case .resize(let size):
                endRun()
                out.append(.resize(size))
            }
        }
        endRun()
        return out
    }

    private static func single(_ event: InputEvent) -> UIEvent {
        switch event {
        case .key(let key): return .key(key)
        case .mouse(let mouse): return .mouse(mouse)
        case .resize(let size): return .resize(size)
        }
    }

    private static func typesText(_ key: Key) -> Bool {
        switch key {
        case .character, .enter: return true
        default: return false
        }
    }

    /// Two or more characters, not all the same key.
    private static func isPaste(_ keys: [Key]) -> Bool {
        let characters = keys.compactMap(\.typedCharacter)
        guard characters.count >= 2 else { return false }
        return Set(keys).count > 1
    }

    private static func text(_ keys: [Key]) -> String {
        String(keys.map { key -> Character in key.typedCharacter ?? "\n" })
    }
}
