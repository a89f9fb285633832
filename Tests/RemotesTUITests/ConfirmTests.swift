import RemotesCore
import Testing

@testable import RemotesTUI

@MainActor
@Suite struct ConfirmTests {
    @Test func removeAsksFirstAndTheAnswerStartsOnNo() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.character("d"))
        let confirmation = try #require(h.state.confirmation)
        #expect(confirmation.yesFocused == false)
        #expect(h.text.contains("Remove remote \"lab\" from ~/.apptainer/remote.yaml?"))
        #expect(h.screen.text(onRow: try #require(h.screen.row(containing: "[ No ]")), with: .reverse) == "[ No ]")
        h.press(.enter)
        #expect(h.state.mode == .browse)
        #expect(h.message == "INFO: Remove remote: cancelled")
        #expect(try fixture.readUser().contains("lab:"))
    }

    @Test func nAndEscCancel() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        let before = try fixture.readUser()
        h.press(.character("d"), .character("n"))
        #expect(h.state.mode == .browse)
        h.press(.delete, .escape)
        #expect(h.state.mode == .browse)
        #expect(try fixture.readUser() == before)
    }

    @Test func yRemovesAndSelectsTheNextRow() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.character("d"), .character("y"))
        #expect(h.state.mode == .browse)
        #expect(h.message == "INFO: Remote \"lab\" removed.")
        #expect(!(try fixture.readUser()).contains("lab:"))
        #expect(h.state.selectedEndpoint?.name == "test")
    }

    @Test func tabToYesThenEnterConfirms() async throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.character("3"), .character("o"))
        #expect(h.text.contains("Log out of docker://registry.example.com"))
        // A registry logout needs the network layer: the unavailable services refuse it.
        h.press(.tab, .enter)
        #expect(h.state.mode == .browse)
        #expect(h.state.tasks.count == 1)
        await h.pump { h.state.tasks.isEmpty }
        #expect(
            h.message
                == "ERROR: docker://registry.example.com: registry logout is not available yet: this build of remotes has no network layer"
        )
        #expect(try fixture.readUser().contains("docker://registry.example.com"))
    }

    @Test func keyserverLogoutNeedsNoNetworkAndRemovesTheEntry() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.character("3"), .down, .character("d"))
        #expect(
            h.state.confirmation?.consequence
                == .apply(
                    .removeCredentials(uri: "https://keys.lab.example.org"),
                    origin: .pane(.logins, select: "docker://registry.example.com")))
        h.press(.character("y"))
        #expect(!(try fixture.readUser()).contains("Bearer xyz"))
        #expect(h.state.visibleLogins.map(\.uri) == ["docker://registry.example.com"])
    }

    @Test func endpointLogoutClearsTheToken() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.down, .character("o"))
        #expect(h.state.confirmation?.title == "Log out")
        h.press(.character("Y"))
        #expect(h.message == "INFO: test: Logout succeeded")
        #expect(!(try fixture.readUser()).contains("secret-token-of-test"))
    }

    @Test func removingAGlobalRemoteAsNonRootIsRefusedWithTheBatchMessage() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.home, .character("d"))
        #expect(h.text.contains("from ~/etc/remote.yaml?"))
        h.press(.character("y"))
        #expect(h.message == "ERROR: DefaultRemote: Unable to modify global endpoint configuration file: not root user")
        #expect(h.state.visibleEndpoints.count == 3)
    }
}
