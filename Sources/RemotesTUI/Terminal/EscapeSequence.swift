/// The bytes after an ESC that curses handed over undecoded (its terminfo does not name the
/// sequence: Home as `ESC[1~` under `TERM=xterm-256color`, rxvt's and the Linux console's keys,
/// mouse reports). Read byte by byte until the sequence is complete, then decoded as xterm,
/// rxvt, screen, tmux and the Linux console send them, with and without application mode; a
/// complete sequence that means nothing here is dropped whole, never read as Esc plus letters.
struct EscapeSequence {
    /// What a complete sequence means.
    enum Meaning: Equatable {
        /// A key.
        case key(Key)
        /// A mouse report.
        case mouse(MouseEvent)
        /// Bracketed paste starts (`ESC[200~`) or ends (`ESC[201~`).
        case pasteBegin, pasteEnd
        /// Nothing the UI acts on (Insert, focus reports, an unknown sequence, Alt with a letter).
        case ignored
    }

    /// The result of one more byte.
    enum Step: Equatable {
        /// The sequence goes on.
        case more
        /// The sequence is complete.
        case done(Meaning)
    }

    /// The bytes after ESC so far.
    private(set) var bytes: [UInt32] = []

    /// True while nothing followed the ESC.
    var isEmpty: Bool { bytes.isEmpty }

    /// Longer sequences are not keys: give up on them.
    private static let maximumLength = 32

    /// Adds the next byte.
    mutating func add(_ value: UInt32) -> Step {
        bytes.append(value)
        guard bytes.count <= Self.maximumLength else { return .done(.ignored) }
        switch bytes[0] {
        case 0x5B: return csiStep()  // [
        case 0x4F: return ss3Step()  // O
        default: return .done(.ignored)  // Alt with a key: nothing is bound to it
        }
    }

    /// `ESC [ params intermediates final`, and the two shapes that break that rule: the Linux
    /// console's `ESC [ [ A` (F1) and X10 mouse reports `ESC [ M b x y` (three raw bytes).
    private func csiStep() -> Step {
        guard bytes.count > 1 else { return .more }
        if bytes[1] == 0x4D {  // M: X10 mouse report
            guard bytes.count == 5 else { return .more }
            let report = MouseEvent.report(
                button: Int(bytes[2]) - 32, x: Int(bytes[3]) - 32, y: Int(bytes[4]) - 32, released: bytes[2] & 3 == 3)
            return .done(report.map(Meaning.mouse) ?? .ignored)
        }
        if bytes[1] == 0x5B {  // [[A: the Linux console's F1 to F5
            guard bytes.count == 3 else { return .more }
            let n = Int(bytes[2]) - 0x40
            return .done((1...5).contains(n) ? .key(.function(n)) : .ignored)
        }
        let last = bytes[bytes.count - 1]
        switch last {
        case 0x30...0x3F: return .more  // parameters and private markers
        case 0x24 where bytes.count > 2: return .done(Self.csi(parameters, final: last))  // rxvt's Shift-Home
        case 0x20...0x2F: return .more  // intermediates
        case 0x40...0x7E: return .done(Self.csi(parameters, final: last))
        default: return .done(.ignored)
        }
    }

    /// `ESC O final`, with an optional modifier digit (`ESC O 2 A`).
    private func ss3Step() -> Step {
        guard bytes.count > 1 else { return .more }
        let last = bytes[bytes.count - 1]
        if (0x30...0x39).contains(last) && bytes.count < 4 { return .more }
        guard (0x40...0x7E).contains(last) else { return .done(.ignored) }
        return .done(Self.ss3(final: last, modifier: Int(parameters) ?? 1))
    }

    /// The bytes between the introducer and the final byte, as text.
    private var parameters: String {
        String(String.UnicodeScalarView(bytes.dropFirst().dropLast().compactMap(Unicode.Scalar.init)))
    }
}
