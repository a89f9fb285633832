import CNCurses

/// Turns what `get_wch` returns into input events: keys, mouse reports, and a bracketed paste
/// gathered into one `.paste` event so that a pasted newline does not submit a form. Escape
/// sequences curses does not know arrive one byte at a time; they are read to their end and
/// decoded (`EscapeSequence`), or dropped whole. An ESC is only the Esc key once no more input
/// follows it: the reader then calls `flush()`.
struct KeyDecoder {
    /// Key codes we define for sequences terminfo does not name (`define_key`).
    enum Custom {
        static let pasteBegin: Int32 = 0x3E9
        static let pasteEnd: Int32 = 0x3EA
        static let altUp: Int32 = 0x3EB
        static let altDown: Int32 = 0x3EC
        static let shiftUp: Int32 = 0x3ED
        static let shiftDown: Int32 = 0x3EE
    }

    private var paste: String?
    /// The sequence after an ESC, while more of it may follow.
    private var escape: EscapeSequence?

    /// True while an ESC (and maybe more of a sequence) waits for the bytes after it.
    var isPending: Bool { escape != nil }

    /// Decodes one `get_wch` result: `isKeyCode` when it returned `KEY_CODE_YES`.
    mutating func decode(_ value: UInt32, isKeyCode: Bool) -> InputEvent? {
        if escape != nil { return continueEscape(value, isKeyCode: isKeyCode) }
        if paste != nil { return decodeInPaste(value, isKeyCode: isKeyCode) }
        if isKeyCode { return decodeKeyCode(Int32(value)) }
        if value == 27 {
            escape = EscapeSequence()
            return nil
        }
        return decodeCharacter(value).map(InputEvent.key)
    }

    /// Ends what is pending once no more input follows: a lone ESC is the Esc key; the start
    /// of a sequence that never ended is dropped.
    mutating func flush() -> InputEvent? {
        guard let sequence = escape else { return nil }
        escape = nil
        return sequence.isEmpty && paste == nil ? .key(.escape) : nil
    }

    private mutating func continueEscape(_ value: UInt32, isKeyCode: Bool) -> InputEvent? {
        guard var sequence = escape else { return nil }
        if isKeyCode {
            // ESC then a key curses decoded: Alt with that key (rxvt sends Alt-↑ so).
            escape = nil
            guard paste == nil else { return decodeInPaste(value, isKeyCode: true) }
            let code = Int32(value)
            if sequence.isEmpty && code == KEY_UP { return .key(.shiftUp) }
            if sequence.isEmpty && code == KEY_DOWN { return .key(.shiftDown) }
            return decodeKeyCode(code)
        }
        if value == 27 && sequence.isEmpty {
            // Esc pressed twice: the first is the Esc key, the second may start a sequence.
            return paste == nil ? .key(.escape) : nil
        }
        switch sequence.add(value) {
        case .more:
            escape = sequence
            return nil
        case .done(let meaning):
            escape = nil
            return apply(meaning)
        }
    }

    private mutating func apply(_ meaning: EscapeSequence.Meaning) -> InputEvent? {
        switch meaning {
        case .pasteBegin:
            if paste == nil { paste = "" }
            return nil
        case .pasteEnd:
            return endPaste()
        case .key(let key): return paste == nil ? .key(key) : nil
        case .mouse(let mouse): return paste == nil ? .mouse(mouse) : nil
        case .ignored: return nil
        }
    }

    private mutating func endPaste() -> InputEvent? {
        guard let buffer = paste else { return nil }
        paste = nil
        return .key(.paste(buffer))
    }

    private mutating func decodeInPaste(_ value: UInt32, isKeyCode: Bool) -> InputEvent? {
        guard var buffer = paste else { return nil }
        if isKeyCode {
            if Int32(value) == Custom.pasteEnd { return endPaste() }
            if Int32(value) == KEY_ENTER { buffer.append("\n") }
        } else if value == 27 {
            escape = EscapeSequence()  // only the end marker counts; other sequences are dropped
        } else if value == 10 || value == 13 {
            buffer.append("\n")
        } else if let scalar = Unicode.Scalar(value), value >= 0x20 || value == 9 {
            buffer.unicodeScalars.append(scalar)
        }
        paste = buffer
        return nil
    }

    private mutating func decodeKeyCode(_ code: Int32) -> InputEvent? {
        switch code {
        case Custom.pasteBegin:
            if paste == nil { paste = "" }
            return nil
        case Custom.pasteEnd: return nil
        case KEY_RESIZE: return nil  // the reader reads the new size itself
        default: return Self.key(forCode: code).map { .key($0) }
        }
    }

    /// The key of a curses key code, including the spellings of Home, End and the page keys
    /// some terminfo entries use (Find and Select, the keypad's corners, shifted keys).
    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT, KEY_SLEFT: return .left
        case KEY_RIGHT, KEY_SRIGHT: return .right
        case KEY_SR, Custom.altUp, Custom.shiftUp: return .shiftUp
        case KEY_SF, Custom.altDown, Custom.shiftDown: return .shiftDown
        case KEY_HOME, KEY_FIND, KEY_A1, KEY_SHOME, KEY_BEG: return .home
        case KEY_END, KEY_SELECT, KEY_C1, KEY_SEND, KEY_LL: return .end
        case KEY_PPAGE, KEY_A3, KEY_SPREVIOUS: return .pageUp
        case KEY_NPAGE, KEY_C3, KEY_SNEXT: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC, KEY_SDC: return .delete
        default:
            for n in 1...12 where code == nc_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    private func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 0x60) ?? "?"))
        default:
            guard value >= 0x20, let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
