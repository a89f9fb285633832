import Testing

@testable import RemotesTUI

@Suite struct KeyDecoderTests {
    // ncurses key codes (curses.h).
    let keyDown: UInt32 = 0o402
    let keyUp: UInt32 = 0o403
    let keyShiftDown: UInt32 = 0o520  // KEY_SF
    let keyShiftUp: UInt32 = 0o521  // KEY_SR
    let keyBackTab: UInt32 = 0o541
    let keyDelete: UInt32 = 0o512
    let keyF1: UInt32 = 0o411

    @Test func functionKeysAndCharacters() {
        var decoder = KeyDecoder()
        #expect(decoder.decode(keyDown, isKeyCode: true) == .key(.down))
        #expect(decoder.decode(keyUp, isKeyCode: true) == .key(.up))
        #expect(decoder.decode(keyShiftUp, isKeyCode: true) == .key(.shiftUp))
        #expect(decoder.decode(keyShiftDown, isKeyCode: true) == .key(.shiftDown))
        #expect(decoder.decode(keyBackTab, isKeyCode: true) == .key(.backTab))
        #expect(decoder.decode(keyDelete, isKeyCode: true) == .key(.delete))
        #expect(decoder.decode(keyF1, isKeyCode: true) == .key(.function(1)))
        #expect(decoder.decode(UInt32(KeyDecoder.Custom.altUp), isKeyCode: true) == .key(.shiftUp))
        #expect(decoder.decode(9, isKeyCode: false) == .key(.tab))
        #expect(decoder.decode(13, isKeyCode: false) == .key(.enter))
        // An ESC is the Esc key once nothing follows it (the reader then flushes).
        #expect(decoder.decode(27, isKeyCode: false) == nil)
        #expect(decoder.flush() == .key(.escape))
        #expect(decoder.decode(127, isKeyCode: false) == .key(.backspace))
        #expect(decoder.decode(21, isKeyCode: false) == .key(.control("u")))
        #expect(decoder.decode(0x65E5, isKeyCode: false) == .key(.character("日")))
    }

    @Test func bracketedPasteBecomesOneEvent() {
        var decoder = KeyDecoder()
        #expect(decoder.decode(UInt32(KeyDecoder.Custom.pasteBegin), isKeyCode: true) == nil)
        for scalar in "tok\ren".unicodeScalars {
            #expect(decoder.decode(scalar.value, isKeyCode: false) == nil)
        }
        #expect(decoder.decode(UInt32(KeyDecoder.Custom.pasteEnd), isKeyCode: true) == .key(.paste("tok\nen")))
        #expect(decoder.decode(UInt32(UInt8(ascii: "q")), isKeyCode: false) == .key(.character("q")))
    }
}

/// Escape sequences curses hands over byte by byte: every common encoding of the keys the UI
/// uses is decoded, and an unknown complete sequence is dropped whole.
@Suite struct EscapeSequenceTests {
    /// What `text` decodes to, byte by byte, then flushed as the reader does when no more
    /// input follows.
    private func decode(_ text: String) -> [InputEvent] {
        var decoder = KeyDecoder()
        var events = text.unicodeScalars.compactMap { decoder.decode($0.value, isKeyCode: false) }
        if let last = decoder.flush() { events.append(last) }
        return events
    }

    @Test(arguments: [
        // xterm, normal and application cursor mode; tmux, screen, rxvt, the Linux console.
        ("\u{1B}[A", Key.up), ("\u{1B}OA", .up), ("\u{1B}[B", .down), ("\u{1B}OB", .down),
        ("\u{1B}[C", .right), ("\u{1B}OC", .right), ("\u{1B}[D", .left), ("\u{1B}OD", .left),
        ("\u{1B}[H", .home), ("\u{1B}OH", .home), ("\u{1B}[1~", .home), ("\u{1B}[7~", .home),
        ("\u{1B}[F", .end), ("\u{1B}OF", .end), ("\u{1B}[4~", .end), ("\u{1B}[8~", .end),
        ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[3~", .delete),
        ("\u{1B}[1;2A", .shiftUp), ("\u{1B}[1;2B", .shiftDown), ("\u{1B}[1;3A", .shiftUp), ("\u{1B}[a", .shiftUp),
        ("\u{1B}[b", .shiftDown), ("\u{1B}O2A", .shiftUp), ("\u{1B}[1;2C", .right), ("\u{1B}[1;5D", .left),
        ("\u{1B}[1;5A", .up), ("\u{1B}Oa", .up), ("\u{1B}[7$", .home), ("\u{1B}[8^", .end),
        ("\u{1B}[5;2~", .pageUp), ("\u{1B}[Z", .backTab), ("\u{1B}OP", .function(1)), ("\u{1B}[11~", .function(1)),
        ("\u{1B}[[A", .function(1)), ("\u{1B}[[E", .function(5)), ("\u{1B}[15~", .function(5)),
        ("\u{1B}[24~", .function(12)), ("\u{1B}OM", .enter), ("\u{1B}Oq", .character("1")),
    ])
    func decodes(sequence: String, key: Key) {
        #expect(decode(sequence) == [.key(key)], "\(sequence.debugDescription)")
    }

    @Test(arguments: ["\u{1B}[2~", "\u{1B}[99~", "\u{1B}[I", "\u{1B}[1;2x", "\u{1B}x", "\u{1B}[?25h"])
    func unknownOrUnusedSequencesAreDroppedWhole(sequence: String) {
        #expect(decode(sequence) == [], "\(sequence.debugDescription)")
    }

    @Test func aLoneEscIsEscOnlyOnceNothingFollows() {
        var decoder = KeyDecoder()
        #expect(decoder.decode(27, isKeyCode: false) == nil)
        #expect(decoder.isPending)
        #expect(decoder.flush() == .key(.escape))
        #expect(decode("\u{1B}\u{1B}[A") == [.key(.escape), .key(.up)])
        #expect(decode("\u{1B}[1~q") == [.key(.home), .key(.character("q"))])
    }

    @Test func mouseReportsInSGRAndX10Form() {
        #expect(decode("\u{1B}[<0;5;3M") == [.mouse(MouseEvent(.click, row: 2, column: 4))])
        #expect(decode("\u{1B}[<0;5;3m") == [], "a release is ignored")
        #expect(decode("\u{1B}[<64;10;7M") == [.mouse(MouseEvent(.wheelUp, row: 6, column: 9))])
        #expect(decode("\u{1B}[<65;10;7M") == [.mouse(MouseEvent(.wheelDown, row: 6, column: 9))])
        #expect(decode("\u{1B}[<32;10;7M") == [], "motion is ignored")
        #expect(decode("\u{1B}[<2;10;7M") == [], "the right button is ignored")
        let x10 = "\u{1B}[M" + String(UnicodeScalar(32)) + String(UnicodeScalar(33 + 4)) + String(UnicodeScalar(33 + 2))
        #expect(decode(x10) == [.mouse(MouseEvent(.click, row: 2, column: 4))])
    }

    @Test func aBracketedPasteSentAsRawBytesIsOnePaste() {
        #expect(decode("\u{1B}[200~docker://x\u{1B}[201~") == [.key(.paste("docker://x"))])
    }
}

/// Keys read in one go (`InputBurst`): characters that arrived together are a paste; other keys
/// act, but cannot answer a confirmation.
@Suite struct InputBurstTests {
    @Test func oneKeyIsAKey() {
        #expect(InputBurst.events([.key(.character("d"))]).map(\.debugName) == ["key d"])
    }

    @Test func charactersTogetherAreAPasteWithTheirNewlines() {
        let events = "ab\ncd\n".map { InputEvent.key($0 == "\n" ? .enter : .character($0)) }
        #expect(InputBurst.events(events).map(\.debugName) == ["key paste ab\\ncd\\n"])
    }

    @Test func aRepeatedKeyStillMovesAndOtherKeysAreBurstKeys() {
        let events: [InputEvent] = [.key(.character("j")), .key(.character("j")), .key(.tab), .key(.character("d"))]
        #expect(InputBurst.events(events).map(\.debugName) == ["burst j", "burst j", "burst Tab", "burst d"])
    }

    @Test func mouseAndResizeKeepTheirPlace() {
        let click = MouseEvent(.click, row: 1, column: 1)
        let events: [InputEvent] = [.key(.character("a")), .mouse(click), .resize(ScreenSize(width: 80, height: 24))]
        #expect(InputBurst.events(events).map(\.debugName) == ["burst a", "mouse", "resize"])
    }
}

extension UIEvent {
    /// A short name for comparing in tests.
    fileprivate var debugName: String {
        switch self {
        case .key(.paste(let text)): return "key paste " + text.replacing("\n", with: "\\n")
        case .key(let key): return "key \(key)"
        case .burstKey(let key): return "burst \(key)"
        case .mouse: return "mouse"
        case .resize: return "resize"
        default: return "other"
        }
    }
}
