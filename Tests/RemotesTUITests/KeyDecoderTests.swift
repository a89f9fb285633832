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
        #expect(decoder.decode(27, isKeyCode: false) == .key(.escape))
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
