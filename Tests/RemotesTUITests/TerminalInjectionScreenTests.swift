import RemotesCore
import Testing

@testable import RemotesTUI

/// Text from servers and from files others control is drawn escaped: a control character
/// becomes `\xNN` in the cells (never a raw control character that would reach the terminal),
/// and the layout counts the escaped width.
@MainActor
@Suite struct TerminalInjectionScreenTests {
    /// The issue's example: sets the terminal title, rings the bell, clears the screen.
    static let hostile = "v1\u{1B}]0;PWNED\u{07}\u{1B}[2J"
    static let shown = #"v1\x1b]0;PWNED\x07\x1b[2J"#

    /// A system file (another user's) naming a remote with escape sequences, and a C1 CSI.
    static let hostileSystem = """
        Active: "pwn\\e[2J"
        Remotes:
            "pwn\\e[2J":
                URI: "evil.example.com/\\u009b31m"
                System: true
                Exclusive: false

        """

    /// Every cell of the screen, as one string.
    static func cells(_ screen: MemoryScreen) -> String {
        screen.cells.flatMap { $0.map(\.text) }.joined()
    }

    /// True when `text` holds a C0 or C1 control character or DEL.
    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    @Test func screensDrawControlCharactersEscaped() {
        let screen = MemoryScreen(size: ScreenSize(width: 60, height: 3))
        screen.put(Self.hostile + "\u{9B}1m\u{7F}", row: 1, column: 0)
        #expect(screen.line(1) == Self.shown + #"\x9b1m\x7f"#)
        #expect(!Self.hasControl(Self.cells(screen)))
    }

    @Test func widthsCountTheEscapedForm() {
        #expect(DisplayWidth.of(Self.hostile) == Self.shown.count)
        // Cut by whole characters: ESC (four columns as `\x1b`) is in or out, never split.
        #expect(DisplayWidth.fit(Self.hostile, to: 10) == "v1\u{1B}]0;…")
        #expect(DisplayWidth.fit(Self.hostile, to: 6) == "v1…   ")
        #expect(DisplayWidth.of(DisplayWidth.fit(Self.hostile, to: 10)) == 10)
    }

    @Test func aStatusAnswerWithEscapesIsDrawnEscaped() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), size: ScreenSize(width: 100, height: 24), services: services)
        h.press(.character("s"))
        await services.waitUntilWaiting("status:lab")
        let status = EndpointStatus(
            summary: Self.hostile, ok: false, notices: [.warning("Library at https://x: " + Self.hostile)])
        services.answer("status:lab", with: .status(.success(status)))
        await h.pump { h.state.tasks.isEmpty }
        #expect(h.screen.contains(#"v1\x1b]0;"#), "\(h.text)")
        #expect(h.screen.contains(#"PWNED\x07\x1b[2J"#), "\(h.text)")
        #expect(h.screen.frames.allSatisfy { !Self.hasControl($0.replacing("\n", with: "")) })
        #expect(!Self.hasControl(Self.cells(h.screen)))
        // The details and the message log show the same text, escaped too.
        h.press(.enter)
        #expect(h.screen.contains(#"v1\x1b]0;"#), "\(h.text)")
        h.press(.escape, .character("m"))
        #expect(h.screen.contains(#"PWNED\x07"#), "\(h.text)")
        #expect(h.screen.frames.allSatisfy { !Self.hasControl($0.replacing("\n", with: "")) })
    }

    @Test func aFailedCheckWithEscapesIsDrawnEscapedInTheDetails() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), size: ScreenSize(width: 100, height: 24), services: services)
        h.press(.character("s"))
        await services.waitUntilWaiting("status:lab")
        let error = RemotesError(.unavailable, "while retrieving services: " + Self.hostile)
        services.answer("status:lab", with: .status(.failure(error)))
        await h.pump { h.state.tasks.isEmpty }
        h.press(.enter)
        #expect(h.screen.contains(#"PWNED\x07\x1b[2J"#), "\(h.text)")
        #expect(h.screen.frames.allSatisfy { !Self.hasControl($0.replacing("\n", with: "")) })
    }

    @Test func namesFromAnotherUsersFileAreDrawnEscaped() throws {
        let h = Harness(try Fixture(user: nil, system: Self.hostileSystem), size: ScreenSize(width: 100, height: 24))
        #expect(h.screen.contains(#"pwn\x1b[2J"#), "\(h.text)")
        #expect(h.screen.contains(#"evil.example.com/\x9b31m"#), "\(h.text)")
        #expect(!Self.hasControl(Self.cells(h.screen)))
    }
}
