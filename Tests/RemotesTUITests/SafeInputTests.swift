import RemotesCore
import Testing

@testable import RemotesTUI

/// Input that must never do harm by accident (issue 14, defects 1 to 3): a paste that arrives
/// as plain keys, keys pressed while the screen is too small, escape sequences curses does not
/// know.
@MainActor
@Suite struct SafeInputTests {
    /// Runs the loop on `bursts` until `q` (exit 0), or gives up after a few hundred polls
    /// (exit 143) when the keys never reach a `q` that quits.
    private func run(_ h: Harness, _ bursts: [[InputEvent]]) -> Int32 {
        var polls = 0
        return h.loop.run(input: ScriptedInput(bursts: bursts), pollMilliseconds: 1) {
            polls += 1
            return polls > 300 ? 15 : nil
        }
    }

    private func keys(_ text: String) -> [InputEvent] { text.map { .key(.character($0)) } }

    // MARK: - Defect 1: a paste that arrives as plain keys

    @Test func aPasteArrivingAsPlainKeysRunsNoCommand() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        let before = try fixture.readUser()
        // `d` of docker would ask to remove lab, the `y` of registry answer, the `a` of example
        // open the Add form.
        let code = run(h, [keys("docker://registry.example.org"), [.key(.character("q"))]])
        #expect(code == 0, "q quit the UI: no form or dialog was left open")
        #expect(try fixture.readUser() == before)
    }

    @Test func keysArrivingTogetherCannotAnswerTheDialogTheyOpened() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        let before = try fixture.readUser()
        // d opens the dialog; Tab (to Yes) and Enter in the same burst must not answer it.
        let code = run(
            h, [[.key(.character("d")), .key(.tab), .key(.enter)], [.key(.escape)], [.key(.character("q"))]])
        #expect(code == 0)
        #expect(try fixture.readUser() == before)
    }

    @Test func aBracketedPasteOutsideAFieldIsDroppedWithANote() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        let before = try fixture.readUser()
        h.press(.paste("docker://registry.example.org"))
        #expect(h.state.mode == .browse)
        #expect(h.message.contains("paste"))
        #expect(try fixture.readUser() == before)
    }

    // MARK: - Defect 2: keys behind the "Terminal too small" screen

    @Test func belowTheMinimumDAndYRemoveNothing() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        let before = try fixture.readUser()
        h.resize(50, 12)
        h.press(.character("d"))
        h.press(.character("y"))
        h.press(.character("a"))
        #expect(h.state.mode == .browse)
        #expect(try fixture.readUser() == before)
        #expect(h.text.contains("Terminal too small: 50×12"))
        h.press(.character("q"))
        #expect(h.loop.exitCode == 0)
    }

    // MARK: - Defect 3: escape sequences curses does not know

    /// The events `bytes` decode to, one byte at a time, as curses hands them over when it
    /// does not know the sequence.
    private func decode(_ bytes: [UInt8]) -> [Key] {
        var decoder = KeyDecoder()
        return bytes.compactMap { byte in
            if case .key(let key)? = decoder.decode(UInt32(byte), isKeyCode: false) { return key }
            return nil
        }
    }

    @Test func homeAsEscBracketOneTildeIsHome() {
        #expect(decode(Array("\u{1B}[1~".utf8)) == [.home])
    }

    @Test func homeAsEscBracketOneTildeInAFormKeepsTheForm() throws {
        let h = Harness(try Fixture())
        h.press(.character("a"))
        h.type("lab2")
        for key in decode(Array("\u{1B}[1~".utf8)) { h.press(key) }
        #expect(h.state.form?.text(.name) == "lab2")
        #expect(h.state.form?.focusedField.caret == 0)
    }

    @Test func homeAsEscBracketOneTildeInPaneThreeStaysInPaneThree() throws {
        let h = Harness(try Fixture())
        h.press(.character("3"), .down)
        for key in decode(Array("\u{1B}[1~".utf8)) { h.press(key) }
        #expect(h.state.focus == .logins)
        #expect(h.state.selectedLogin?.uri == "docker://registry.example.com")
    }
}
