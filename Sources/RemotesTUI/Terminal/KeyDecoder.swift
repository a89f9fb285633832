import CNCurses

/// Turns what `get_wch` returns into `Key`s, and gathers a bracketed paste into one `.paste`
/// event so that a pasted newline does not submit a form.
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

    /// Decodes one `get_wch` result: `isKeyCode` when it returned `KEY_CODE_YES`.
    mutating func decode(_ value: UInt32, isKeyCode: Bool) -> InputEvent? {
        if var buffer = paste {
            if isKeyCode {
                if Int32(value) == Custom.pasteEnd {
                    paste = nil
                    return .key(.paste(buffer))
                }
                if Int32(value) == KEY_ENTER { buffer.append("\n") }
            } else if value == 10 || value == 13 {
                buffer.append("\n")
            } else if let scalar = Unicode.Scalar(value), value >= 0x20 || value == 9 {
                buffer.unicodeScalars.append(scalar)
            }
            paste = buffer
            return nil
        }
        if isKeyCode { return decodeKeyCode(Int32(value)) }
        return decodeCharacter(value).map(InputEvent.key)
    }

    private mutating func decodeKeyCode(_ code: Int32) -> InputEvent? {
        switch code {
        case Custom.pasteBegin:
            paste = ""
            return nil
        case Custom.pasteEnd: return nil
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_SR, Custom.altUp, Custom.shiftUp: return .key(.shiftUp)
        case KEY_SF, Custom.altDown, Custom.shiftDown: return .key(.shiftDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_RESIZE: return nil  // the loop reads the new size itself
        default:
            for n in 1...12 where code == nc_key_f(Int32(n)) { return .key(.function(n)) }
            return nil
        }
    }

    private func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 0x60) ?? "?"))
        default:
            guard value >= 0x20, let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
