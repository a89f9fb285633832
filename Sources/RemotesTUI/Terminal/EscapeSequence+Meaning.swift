/// What complete sequences mean: the tables of xterm, rxvt, screen, tmux and the Linux console.
extension EscapeSequence {
    /// A CSI sequence: `parameters` (`1;2`, `<0;5;7`) and its final byte.
    static func csi(_ parameters: String, final: UInt32) -> Meaning {
        if parameters.hasPrefix("<") { return sgrMouse(parameters.dropFirst(), final: final) }
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let first = numbers.first.flatMap { $0 } ?? 1
        // xterm's modifier parameter: 1 + (1 Shift, 2 Alt, 4 Ctrl).
        let modifier = numbers.count > 1 ? (numbers[1] ?? 1) : 1
        switch Unicode.Scalar(final).map(Character.init) {
        case "~", "$", "^", "@": return tilde(first)
        case "A", "B", "C", "D": return arrow(final, modifier: modifier)
        case "a": return .key(.shiftUp)  // rxvt's Shift-arrows
        case "b": return .key(.shiftDown)
        case "c": return .key(.right)
        case "d": return .key(.left)
        case "H": return .key(.home)
        case "F": return .key(.end)
        case "Z": return .key(.backTab)
        case "P", "Q", "R", "S": return .key(.function(Int(final) - 0x4F))
        default: return .ignored
        }
    }

    /// `ESC [ n ~` (and rxvt's `$`, `^`, `@` with Shift, Ctrl, both).
    private static func tilde(_ code: Int) -> Meaning {
        switch code {
        case 1, 7: return .key(.home)
        case 4, 8: return .key(.end)
        case 3: return .key(.delete)
        case 5: return .key(.pageUp)
        case 6: return .key(.pageDown)
        case 11...15: return .key(.function(code - 10))
        case 17...21: return .key(.function(code - 11))
        case 23, 24: return .key(.function(code - 12))
        case 200: return .pasteBegin
        case 201: return .pasteEnd
        default: return .ignored  // Insert, and what has no key here
        }
    }

    /// An arrow with xterm's `modifier`: Shift or Alt with ↑ and ↓ move a keyserver.
    private static func arrow(_ final: UInt32, modifier: Int) -> Meaning {
        let bits = max(0, modifier - 1)
        let moves = bits & 0b11 != 0
        switch final {
        case 0x41: return .key(moves ? .shiftUp : .up)
        case 0x42: return .key(moves ? .shiftDown : .down)
        case 0x43: return .key(.right)
        default: return .key(.left)
        }
    }

    /// An SS3 sequence: cursor keys in application mode, F1 to F4, the keypad in application
    /// mode (its digits and signs type themselves, its Enter is Enter).
    static func ss3(final: UInt32, modifier: Int) -> Meaning {
        let keypad: [Character: Character] = [
            "p": "0", "q": "1", "r": "2", "s": "3", "t": "4", "u": "5", "v": "6", "w": "7", "x": "8", "y": "9",
            "k": "+", "m": "-", "j": "*", "o": "/", "n": ".", "l": ",", "X": "=",
        ]
        guard let character = Unicode.Scalar(final).map(Character.init) else { return .ignored }
        switch character {
        case "A", "B", "C", "D": return arrow(final, modifier: modifier)
        case "a": return .key(.up)  // rxvt's Ctrl-arrows
        case "b": return .key(.down)
        case "c": return .key(.right)
        case "d": return .key(.left)
        case "H": return .key(.home)
        case "F": return .key(.end)
        case "M": return .key(.enter)
        case "P", "Q", "R", "S": return .key(.function(Int(final) - 0x4F))
        default: return keypad[character].map { .key(.character($0)) } ?? .ignored
        }
    }

    /// An SGR mouse report, `ESC [ < button ; x ; y M` (pressed) or `m` (released).
    private static func sgrMouse(_ parameters: Substring, final: UInt32) -> Meaning {
        let numbers = parameters.split(separator: ";").compactMap { Int($0) }
        guard numbers.count == 3, final == 0x4D || final == 0x6D else { return .ignored }
        let report = MouseEvent.report(button: numbers[0], x: numbers[1], y: numbers[2], released: final == 0x6D)
        return report.map(Meaning.mouse) ?? .ignored
    }
}
