import RemotesCore
import Testing

@testable import RemotesTUI

@MainActor
@Suite struct KeyserverOrderTests {
    private func order(in yaml: String) -> [String] {
        yaml.split(separator: "\n").filter { $0.contains("- URI:") && !$0.contains("docker://") }.map {
            String($0.split(separator: " ").last ?? "")
        }
    }

    @Test func shiftUpMovesTheKeyserverAndSavesAtOnce() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.tab, .down)
        #expect(h.state.selectedKeyserver?.uri == "hkp://pgp.example.net")
        h.press(.shiftUp)
        #expect(h.state.visibleKeyservers.map(\.uri) == ["hkp://pgp.example.net", "https://keys.lab.example.org"])
        #expect(h.state.selectedKeyserver?.uri == "hkp://pgp.example.net")
        #expect(h.message == "INFO: Keyserver \"hkp://pgp.example.net\" moved to position 1.")
        let yaml = try fixture.readUser()
        #expect(order(in: yaml).prefix(2) == ["hkp://pgp.example.net", "https://keys.lab.example.org"])
    }

    @Test func capitalJAndKMoveDownAndUp() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.character("2"), .character("J"))
        #expect(
            order(in: try fixture.readUser()).prefix(2) == ["hkp://pgp.example.net", "https://keys.lab.example.org"])
        #expect(h.state.selectedKeyserver?.order == 2)
        h.press(.character("K"))
        #expect(
            order(in: try fixture.readUser()).prefix(2) == ["https://keys.lab.example.org", "hkp://pgp.example.net"])
        h.press(.shiftDown)
        #expect(h.state.selectedKeyserver?.order == 2)
    }

    @Test func theMoveIsAMoveKeyserverChangeThatExpectsTheFingerprints() throws {
        let h = Harness(try Fixture())
        var state = h.state
        _ = state.handle(.key(.tab))
        let effects = state.handle(.key(.character("K")))
        #expect(effects.isEmpty)  // the first keyserver cannot go up
        #expect(state.messageText.contains("already the first keyserver"))
        _ = state.handle(.key(.down))
        let move = state.handle(.key(.character("K")))
        #expect(
            move == [
                .apply(
                    .moveKeyserver(remote: "lab", url: "hkp://pgp.example.net", toOrder: 1),
                    expecting: h.state.config?.state.fingerprints,
                    origin: .pane(.keyservers, select: "hkp://pgp.example.net"))
            ])
    }

    @Test func movingAtTheEndIsRefusedWithAReason() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        let before = try fixture.readUser()
        h.press(.tab, .end, .shiftDown)
        #expect(h.message == "WARNING: Cannot move the selected keyserver down: it is already the last keyserver")
        #expect(try fixture.readUser() == before)
    }

    @Test func aGlobalRemotesKeyserversAreRefusedForNonRootWithTheBatchMessage() throws {
        let fixture = try Fixture(
            system: """
                Active: corp
                Remotes:
                    corp:
                        URI: corp.example.com
                        System: true
                        Exclusive: false
                        Keyservers:
                            - URI: https://a.example.com
                              Skip: false
                              External: true
                              Insecure: false
                            - URI: https://b.example.com
                              Skip: false
                              External: true
                              Insecure: false

                """)
        let h = Harness(fixture)
        h.press(.home)
        #expect(h.state.selectedEndpoint?.name == "corp")
        h.press(.tab, .down, .shiftUp)
        #expect(h.message == "ERROR: https://b.example.com: Unable to modify keyserver configuration: not root user")
        #expect(h.state.visibleKeyservers.first?.uri == "https://a.example.com")
    }
}
