import RemotesCore
import Testing

@testable import RemotesTUI

/// The mouse is never needed, but works: a click selects a row and focuses its pane, the wheel
/// scrolls, a click on a hint runs it.
@MainActor
@Suite struct MouseTests {
    private func click(_ h: Harness, row: Int, column: Int) {
        h.burst([.mouse(MouseEvent(.click, row: row, column: column))])
    }

    @Test func aClickSelectsTheRowAndFocusesItsPane() throws {
        let h = Harness(try Fixture())
        let row = try #require((0..<24).last { h.screen.line($0).contains("keys.lab.example.org") })
        click(h, row: row, column: 10)
        #expect(h.state.focus == .logins)
        #expect(h.state.selectedLogin?.uri == "https://keys.lab.example.org")
        let test = try #require(h.screen.row(containing: " test "))
        click(h, row: test, column: 3)
        #expect(h.state.focus == .endpoints)
        #expect(h.state.selectedEndpoint?.name == "test")
    }

    @Test func theWheelMovesThroughThePaneUnderIt() throws {
        var yaml = "Active: r00\nRemotes:\n"
        for i in 0..<20 {
            yaml +=
                "    r\(i < 10 ? "0" : "")\(i):\n        URI: r\(i).example.org\n        System: false\n        Exclusive: false\n"
        }
        let h = Harness(try Fixture(user: yaml))
        h.burst([.mouse(MouseEvent(.wheelDown, row: 4, column: 5))])
        #expect(h.state.selectedEndpoint?.name == "r03")
        h.burst([.mouse(MouseEvent(.wheelUp, row: 4, column: 5))])
        #expect(h.state.selectedEndpoint?.name == "r00")
    }

    @Test func aClickOnAHintRunsIt() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        let before = try fixture.readUser()
        let hintRow = h.state.layout.hintRow
        let remove = try #require(HintLine.entries(for: h.state).first { $0.word == "remove" })
        click(h, row: hintRow, column: remove.column + 1)
        #expect(h.state.confirmation != nil)
        // The dialog's own hints: a click on "no" answers it (it is on the screen by now).
        let no = try #require(HintLine.entries(for: h.state).first { $0.word == "no" })
        click(h, row: hintRow, column: no.column)
        #expect(h.state.mode == .browse)
        #expect(try fixture.readUser() == before)
    }

    @Test func aClickOnYesInTheSameReadAsTheKeyThatOpenedTheDialogIsRefused() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        let before = try fixture.readUser()
        h.press(.character("d"))
        let yes = try #require(HintLine.entries(for: h.state).first { $0.word == "yes" })
        h.press(.escape)
        h.burst([.key(.character("d")), .mouse(MouseEvent(.click, row: h.state.layout.hintRow, column: yes.column))])
        #expect(h.state.confirmation != nil)
        #expect(try fixture.readUser() == before)
    }

    @Test func theWheelScrollsTheHelpAndClicksBelowTheMinimumDoNothing() throws {
        let h = Harness(try Fixture())
        h.press(.character("?"))
        h.burst([.mouse(MouseEvent(.wheelDown, row: 5, column: 5))])
        #expect(h.state.mode == .help(scroll: 3))
        h.press(.escape)
        h.resize(50, 12)
        click(h, row: 11, column: 1)
        h.burst([.mouse(MouseEvent(.wheelDown, row: 5, column: 5))])
        #expect(h.state.mode == .browse)
        #expect(h.state.selectedEndpoint?.name == "lab")
    }
}
