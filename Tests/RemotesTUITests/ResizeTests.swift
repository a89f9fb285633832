import Testing

@testable import RemotesTUI

@MainActor
@Suite struct ResizeTests {
    @Test func belowTheMinimumOnlyTheNoticeIsDrawnAndKeysStillWork() throws {
        let h = Harness(try Fixture())
        h.resize(59, 24)
        #expect(h.text.contains("Terminal too small: 59×24"))
        #expect(h.text.contains("need at least 60×16"))
        #expect(!h.text.contains("Endpoints"))
        h.resize(60, 16)
        #expect(h.text.contains("1 Endpoints"))
        h.resize(80, 15)
        #expect(h.text.contains("Terminal too small: 80×15"))
        h.press(.character("q"))
        #expect(h.loop.exitCode == 0)
    }

    @Test func tinyAndEmptySizesDoNotCrash() throws {
        let h = Harness(try Fixture())
        for (w, h2) in [(0, 0), (1, 1), (2, 5), (10, 3), (200, 2), (3, 100), (60, 16), (300, 80)] {
            h.resize(w, h2)
            h.press(.character("a"), .escape, .character("?"), .escape, .character("d"), .escape)
            #expect(h.screen.size == ScreenSize(width: w, height: h2))
        }
        #expect(h.text.contains("Endpoints"))
    }

    @Test func formsDialogsAndHelpFitTheMinimumSize() throws {
        let h = Harness(try Fixture(), size: ScreenSize.minimum)
        h.press(.character("a"))
        #expect(h.text.contains("Add remote endpoint"))
        #expect(h.text.contains("don't make it the default"))
        h.press(.escape, .character("?"))
        #expect(h.text.contains("Keys"))
        h.press(.escape, .character("d"))
        #expect(h.text.contains("[ No ]"))
    }

    @Test func resizeKeepsTheSelectionInView() throws {
        var yaml = "Active: r00\nRemotes:\n"
        for i in 0..<20 {
            yaml +=
                "    r\(i < 10 ? "0" : "")\(i):\n        URI: r\(i).example.org\n        System: false\n        Exclusive: false\n"
        }
        let h = Harness(try Fixture(user: yaml), size: ScreenSize(width: 100, height: 40))
        h.press(.character("G"))
        h.resize(60, 16)
        #expect(h.text.contains("> r19"))
    }
}

@Suite struct OptionsTests {
    @Test func noColorWhenSetAndNotEmptyOrWhenAskedOrOnADumbTerminal() {
        #expect(TUIOptions(environment: ["NO_COLOR": "1"]).monochrome)
        #expect(!TUIOptions(environment: ["NO_COLOR": ""]).monochrome)
        #expect(!TUIOptions(environment: [:]).monochrome)
        #expect(TUIOptions(noColor: true, environment: [:]).monochrome)
        #expect(TUIOptions(environment: ["TERM": "dumb"]).monochrome)
    }

    @Test func theFirstFrameHookIsOnlyTheDocumentedVariableSetToOne() {
        #expect(TUIOptions(environment: ["REMOTES_TUI_EXIT_AFTER_FIRST_FRAME": "1"]).exitAfterFirstFrame)
        #expect(!TUIOptions(environment: ["REMOTES_TUI_EXIT_AFTER_FIRST_FRAME": "yes"]).exitAfterFirstFrame)
        #expect(!TUIOptions(environment: [:]).exitAfterFirstFrame)
    }

    @MainActor
    @Test func withTheHookTheLoopLeavesAfterTheFirstFullFrame() throws {
        let h = Harness(try Fixture())
        let before = h.screen.flushCount
        let input = ScriptedInput([.key(.character("j"))])
        let code = h.loop.run(input: input, pollMilliseconds: 1, stopAfterFirstFrame: true, caughtSignal: { nil })
        #expect(code == 0)
        #expect(h.screen.flushCount == before + 1)
        #expect(h.text.contains("1 Endpoints"))
        #expect(h.state.selectedEndpoint?.name == "lab", "no key was read")
    }

    @Test func layoutFitsTheScreen() {
        for height in 16...60 {
            let layout = Layout.compute(ScreenSize(width: 80, height: height))
            #expect(layout.logins.top + layout.logins.height == layout.messageTop)
            #expect(layout.messageTop + layout.messageRows == layout.hintRow)
            #expect(layout.keyservers.itemRows >= 1 && layout.logins.itemRows >= 1 && layout.endpoints.itemRows >= 2)
        }
    }
}
