import RemotesCore
import Testing

@testable import RemotesTUI

@MainActor
@Suite struct NavigationTests {
    @Test func startsOnTheDefaultRemoteInTheEndpointsPane() throws {
        let h = Harness(try Fixture())
        #expect(h.state.focus == .endpoints)
        #expect(h.state.selectedEndpoint?.name == "lab")
        #expect(h.screen.text(onRow: try #require(h.screen.row(containing: "> lab")), with: .reverse).contains("lab"))
    }

    @Test func arrowsAndVimKeysMoveAndStopAtTheEnds() throws {
        let h = Harness(try Fixture())
        h.press(.down)
        #expect(h.state.selectedEndpoint?.name == "test")
        h.press(.character("j"))
        #expect(h.state.selectedEndpoint?.name == "test")
        h.press(.character("k"), .up)
        #expect(h.state.selectedEndpoint?.name == "DefaultRemote")
        h.press(.up)
        #expect(h.state.selectedEndpoint?.name == "DefaultRemote")
        h.press(.character("G"))
        #expect(h.state.selectedEndpoint?.name == "test")
        h.press(.home)
        #expect(h.state.selectedEndpoint?.name == "DefaultRemote")
        h.press(.end)
        #expect(h.state.selectedEndpoint?.name == "test")
        h.press(.character("g"))
        #expect(h.state.selectedEndpoint?.name == "DefaultRemote")
    }

    @Test func tabShiftTabAndNumbersMoveTheFocus() throws {
        let h = Harness(try Fixture())
        h.press(.tab)
        #expect(h.state.focus == .keyservers)
        h.press(.tab)
        #expect(h.state.focus == .logins)
        h.press(.tab)
        #expect(h.state.focus == .endpoints)
        h.press(.backTab)
        #expect(h.state.focus == .logins)
        h.press(.character("2"))
        #expect(h.state.focus == .keyservers)
        h.press(.character("1"))
        #expect(h.state.focus == .endpoints)
        h.press(.character("3"))
        #expect(h.state.focus == .logins)
    }

    @Test func keyserversFollowTheSelectedEndpoint() throws {
        let h = Harness(try Fixture())
        #expect(h.state.visibleKeyservers.map(\.uri) == ["https://keys.lab.example.org", "hkp://pgp.example.net"])
        h.press(.up)
        #expect(h.state.selectedEndpoint?.name == "DefaultRemote")
        #expect(h.state.visibleKeyservers.map(\.uri) == ["https://keys.openpgp.org"])
        #expect(h.text.contains("Keyservers of DefaultRemote"))
        #expect(h.text.contains("#1    https://keys.openpgp.org") && h.text.contains("built-in"))
    }

    @Test func theCursorRestsOnTheSelectedRowOfTheFocusedPane() throws {
        let h = Harness(try Fixture())
        let row = try #require(h.screen.row(containing: "> lab "))
        #expect(h.screen.cursor?.row == row)
        #expect(h.screen.cursor?.column == 0)
        h.press(.tab, .down)
        let keyserverRow = try #require(h.screen.row(containing: "> #2"))
        #expect(h.screen.cursor?.row == keyserverRow)
    }

    @Test func pageKeysScrollAndKeepTheSelectionInView() throws {
        var yaml = "Active: r00\nRemotes:\n"
        for i in 0..<30 {
            yaml +=
                "    r\(i < 10 ? "0" : "")\(i):\n        URI: r\(i).example.org\n        System: false\n        Exclusive: false\n"
        }
        let h = Harness(try Fixture(user: yaml))
        let rows = h.state.layout.endpoints.itemRows
        h.press(.pageDown)
        #expect(h.state.selectedIndex(.endpoints) == 1 + rows - 1)
        h.press(.pageDown, .pageDown, .pageDown)
        let index = try #require(h.state.selectedIndex(.endpoints))
        let scroll = h.state.pane(.endpoints).scroll
        #expect(index >= scroll && index < scroll + rows)
        #expect(h.text.contains("> \(h.state.selectedEndpoint?.name ?? "?")"))
        h.press(.character("G"))
        #expect(h.state.selectedEndpoint?.name == "r29")
        #expect(h.text.contains("> r29"))
        #expect(h.text.contains("31/31"))
    }

    @Test func helpOpensFromTheKeyTableAndCloses() throws {
        let h = Harness(try Fixture())
        h.press(.character("?"))
        #expect(h.state.mode == .help(scroll: 0))
        #expect(h.text.contains("All panes"))
        #expect(h.text.contains("check the status of every remote"))
        h.press(.pageDown)
        #expect(h.state.mode != .help(scroll: 0))
        h.press(.escape)
        #expect(h.state.mode == .browse)
        h.press(.function(1))
        #expect(h.state.keyContext == .help)
        h.press(.character("q"))
        #expect(h.state.mode == .browse)
        #expect(h.loop.exitCode == nil)
    }

    @Test func quitEndsWithExitCodeZero() throws {
        let h = Harness(try Fixture())
        h.press(.character("q"))
        #expect(h.loop.exitCode == 0)
    }

    @Test func aRefusedKeySaysWhyInTheMessageLine() throws {
        let h = Harness(try Fixture())
        h.press(.up)  // DefaultRemote: not logged in
        h.press(.character("o"))
        #expect(h.state.mode == .browse)
        #expect(h.message == "WARNING: Cannot log out of the selected remote: not logged in")
    }
}
