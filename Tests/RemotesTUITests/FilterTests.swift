import Testing

@testable import RemotesTUI

@MainActor
@Suite struct FilterTests {
    @Test func typingFiltersTheFocusedPaneAndEnterKeepsIt() throws {
        let h = Harness(try Fixture())
        h.press(.character("/"))
        #expect(h.state.mode == .filtering)
        h.type("TES")
        #expect(h.state.visibleEndpoints.map(\.name) == ["test"])
        #expect(h.state.selectedEndpoint?.name == "test")
        #expect(h.text.contains("filter: /TES"))
        h.press(.enter)
        #expect(h.state.mode == .browse)
        #expect(h.state.visibleEndpoints.map(\.name) == ["test"])
        #expect(h.text.contains("filter: /TES (Esc clears)"))
    }

    @Test func escClearsTheFilterWhileTypingAndAfterwards() throws {
        let h = Harness(try Fixture())
        h.press(.character("/"))
        h.type("lab")
        h.press(.escape)
        #expect(h.state.pane(.endpoints).filter.isEmpty)
        #expect(h.state.visibleEndpoints.count == 3)
        h.press(.character("/"))
        h.type("apptainer")
        h.press(.enter)
        #expect(h.state.visibleEndpoints.map(\.name) == ["DefaultRemote"])
        h.press(.escape)
        #expect(h.state.visibleEndpoints.count == 3)
    }

    @Test func filterMatchesURIsAndBackspaceEdits() throws {
        let h = Harness(try Fixture())
        h.press(.character("3"), .character("/"))
        h.type("dockerx")
        #expect(h.state.visibleLogins.isEmpty)
        #expect(h.text.contains("(no login matches the filter; Esc clears it)"))
        h.press(.backspace)
        #expect(h.state.visibleLogins.map(\.uri) == ["docker://registry.example.com"])
        // Only the focused pane is filtered.
        #expect(h.state.visibleEndpoints.count == 3)
    }

    @Test func pasteIntoTheFilterIsOneLine() throws {
        let h = Harness(try Fixture())
        h.press(.character("/"), .paste("lab\n"))
        #expect(h.state.pane(.endpoints).filter == "lab")
    }
}
