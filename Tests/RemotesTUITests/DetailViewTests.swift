import RemotesCore
import Testing

@testable import RemotesTUI

/// Enter on a row opens its details; Esc closes them.
@MainActor
@Suite struct DetailViewTests {
    /// The text inside the box, its wrapped lines joined with single spaces.
    private func boxText(_ h: Harness) -> String {
        h.text.split(separator: "\n").compactMap { line -> String? in
            guard let first = line.firstIndex(of: "│"), let last = line.lastIndex(of: "│"), first < last else {
                return nil
            }
            return line[line.index(after: first)..<last].split(separator: " ").joined(separator: " ")
        }.joined(separator: " ")
    }

    /// A check of lab that found one service down, the token valid and who it belongs to.
    static let labStatus = EndpointStatus(
        summary: "1/2 OK", ok: false,
        services: [
            ServiceLine(name: "Keyserver", uri: "https://keys.lab.example.org", version: "1.0.2", problem: nil),
            ServiceLine(
                name: "Library", uri: "https://library.lab.example.org", version: nil,
                problem: "error response from server: 503 Service Unavailable"),
        ], token: "Valid authentication token set (logged in).", user: "alice <alice@example.org>")

    @Test func anEndpointShowsItsURIFlagsTokenAndEachServiceWithItsReason() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), services: services)
        h.press(.character("s"))
        await services.waitUntilWaiting("status:lab")
        services.answer("status:lab", with: .status(.success(Self.labStatus)))
        await h.pump { h.state.tasks.isEmpty }
        h.press(.enter)
        #expect(h.state.detail?.target == .endpoint("lab"))
        for text in [
            "Remote lab", "Base URL", "https://lab.example.org", "Default", "yes (the remote in use)", "Secure",
            "Valid authentication token set", "alice <alice@example.org>", "Keyserver", "1.0.2",
            "N/A: error response from server: 503 Service Unavailable",
        ] {
            #expect(h.text.contains(text), "\(text)")
        }
        assertSnapshot(h.screen, named: "detail-endpoint-80x24")
        h.press(.escape)
        #expect(h.state.mode == .browse)
    }

    @Test func aFailedCheckShowsTheWholeError() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), size: ScreenSize.minimum, services: services)
        h.press(.down, .character("s"))
        await services.waitUntilWaiting("status:test")
        let error =
            "while retrieving services: Get \"http://test.example.com/assets/config/config.prod.json\": dial tcp 192.0.2.7:80: connect: connection refused"
        services.answer("status:test", with: .status(.failure(RemotesError(.unavailable, error))))
        await h.pump { h.state.tasks.isEmpty }
        h.press(.enter)
        #expect(h.text.contains("failed at 10:00:00"))
        #expect(boxText(h).contains("dial tcp 192.0.2.7:80: connect: connection refused"))
        assertSnapshot(h.screen, named: "detail-endpoint-failed-60x16")
    }

    @Test func anUncheckedEndpointSaysHowToCheckIt() throws {
        let h = Harness(try Fixture())
        h.press(.enter)
        #expect(h.text.contains("not checked yet: press s"))
    }

    @Test func aKeyserverShowsItsURLSourceAndLogin() throws {
        let h = Harness(try Fixture())
        h.press(.tab, .enter)
        for text in ["Keyserver of lab", "https://keys.lab.example.org", "#1", "added, in the user file", "yes: see"] {
            #expect(h.text.contains(text), "\(text)")
        }
        h.press(.escape, .down, .enter)
        #expect(h.text.contains("no: plain http"))
        assertSnapshot(h.screen, named: "detail-keyserver-80x24")
    }

    @Test func aKeyserverLoginShowsItsUserAndWhereItIsStored() throws {
        let yaml = Fixture.standardUser.replacing(
            "Auth: Bearer xyz", with: "Auth: \(AuthorizationHeader.basic(username: "carol", password: "never-shown"))")
        let h = Harness(try Fixture(user: yaml))
        h.press(.character("3"), .down, .enter)
        #expect(h.text.contains("carol"))
        #expect(h.text.contains("Credentials in ~/.apptainer/remote.yaml"))
        #expect(!h.screen.frames.contains { $0.contains("never-shown") })
    }

    @Test func aRegistryLoginAsksTheServicesWhoAndWhere() throws {
        let services = ControlledServices()
        services.registryDetails = RegistryLoginDetails(username: "dave", storedIn: "/home/dave/.docker/config.json")
        let h = Harness(try Fixture(), services: services)
        h.press(.character("3"), .enter)
        for text in ["docker://registry.example.com", "registry", "dave", "/home/dave/.docker/config.json"] {
            #expect(h.text.contains(text), "\(text)")
        }
        assertSnapshot(h.screen, named: "detail-login-80x24")
    }

    @Test func longDetailsScrollAndEnterClosesThem() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), size: ScreenSize.minimum, services: services)
        h.press(.character("s"))
        await services.waitUntilWaiting("status:lab")
        services.answer("status:lab", with: .status(.success(Self.labStatus)))
        await h.pump { h.state.tasks.isEmpty }
        h.press(.enter, .end)
        #expect((h.state.detail?.scroll ?? 0) > 0)
        #expect(boxText(h).contains("N/A: error response from server: 503 Service Unavailable"))
        h.press(.enter)
        #expect(h.state.mode == .browse)
    }
}
