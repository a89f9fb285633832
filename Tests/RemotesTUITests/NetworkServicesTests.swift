import Foundation
import RemotesCore
import RemotesNetwork
import RemotesTestSupport
import Testing

@testable import RemotesTUI

/// The UI over the real network layer (`NetworkServices`) and a local `EndpointTestServer`:
/// token logins, status checks, registry and keyserver logins, cancellation.
@MainActor
@Suite(.serialized) struct NetworkServicesTests {
    // MARK: Endpoint token login

    @Test func aGoodTokenIsVerifiedThenStoredAndNeverDrawn() async throws {
        try await NetworkHarness.with { n in
            let h = n.harness
            h.press(.character("l"))
            #expect(h.state.form?.title == "Log in to lab")
            h.press(.paste(NetworkHarness.goodToken + "\n"))
            h.press(.enter)
            #expect(h.text.contains("checking… (Esc cancels)"))
            await n.settle()
            #expect(h.state.mode == .browse)
            #expect(h.message.hasPrefix("INFO: lab: Access Token Verified!  INFO: Token stored in "))
            let stored = try n.fixture.readUser()
            #expect(stored.contains("Token: \(NetworkHarness.goodToken)"))
            #expect(try n.fixture.store().load().merged.remotes["lab"]?.token == NetworkHarness.goodToken)
            // The LOGIN column shows the new state; the token itself was never on screen.
            let row = try #require(h.screen.row(containing: "> lab "))
            #expect(h.screen.line(row).contains("✓"))
            #expect(!n.everShown(NetworkHarness.goodToken))
            #expect(!n.everShown("tui-good-token"))
            #expect(n.server.requests(pathSuffix: "/v1/token-status").count == 1)
        }
    }

    @Test func aBadTokenKeepsTheFormOpenWithTheErrorAndTheFileByteIdentical() async throws {
        try await NetworkHarness.with { n in
            let h = n.harness
            let before = n.userBytes
            h.press(.character("l"))
            h.type("not-the-right-token")
            h.press(.enter)
            await n.settle()
            let form = try #require(h.state.form)
            #expect(form.fields[0].error == "while verifying token: error response from server: Invalid Credentials")
            #expect(form.fields[0].text.isEmpty)
            // In the form, the cause comes first.
            #expect(h.text.contains("error response from server: Invalid Credentials"))
            #expect(h.text.contains("(while"))
            #expect(h.message == "ERROR: lab: error response from server: Invalid Credentials (while verifying token)")
            #expect(n.userBytes == before)
            #expect(!n.everShown("not-the-right-token"))
            // Esc closes the form; still nothing written.
            h.press(.escape)
            #expect(h.state.mode == .browse)
            #expect(n.userBytes == before)
        }
    }

    @Test func aTokenWithASpaceIsRefusedBeforeTheNetwork() async throws {
        try await NetworkHarness.with { n in
            let h = n.harness
            h.press(.character("l"))
            h.type("two words")
            h.press(.enter)
            #expect(h.state.tasks.isEmpty)
            #expect(
                h.state.form?.fields[0].error
                    == "the token in the Access Token field contains spaces or control characters, which a token cannot have"
            )
            #expect(n.server.requests.isEmpty)
        }
    }

    @Test func aTokenVerifiedWhileAnotherProgramChangedTheFileIsNotWritten() async throws {
        try await NetworkHarness.with { n in
            let h = n.harness
            h.press(.character("l"))
            h.type(NetworkHarness.goodToken)
            // Another program adds a remote while the form is open.
            try n.fixture.store().apply(
                .addRemote(name: "other", uri: "other.example.org", insecure: false, global: false, makeDefault: false))
            let changed = n.userBytes
            h.press(.enter)
            await n.settle()
            await h.pump { h.state.visibleEndpoints.contains { $0.name == "other" } }
            #expect(n.userBytes == changed)
            #expect(h.message.contains("changed"))
            #expect(h.state.visibleEndpoints.map(\.name) == ["DefaultRemote", "down", "lab", "other"])
        }
    }

    // MARK: Status

    @Test func statusShowsASpinnerThenOK() async throws {
        try await NetworkHarness.with { n in
            let h = n.harness
            h.press(.character("s"))
            let row = try #require(h.screen.row(containing: "> lab "))
            #expect(h.screen.line(row).hasSuffix("checking"))
            await n.settle()
            #expect(h.state.statusCells["lab"] == .done("OK", ok: true))
            #expect(h.screen.line(row).hasSuffix(" OK"))
            #expect(h.message.hasPrefix("INFO: Status of lab: OK  INFO: No authentication token set (logged out)."))
            #expect(h.message.contains("Library v1.2.3"))
        }
    }

    @Test func statusOfAnUnreachableEndpointIsNA() async throws {
        try await NetworkHarness.with { n in
            let h = n.harness
            h.press(.up, .character("s"))
            #expect(h.state.selectedEndpoint?.name == "down")
            await n.settle()
            #expect(h.state.statusCells["down"] == .done("N/A: refused", ok: false))
            let row = try #require(h.screen.row(containing: "> down "))
            #expect(h.screen.line(row).hasSuffix(" N/A: refused"))
            #expect(h.message.hasPrefix("ERROR: Status of down: N/A: "))
            #expect(h.message.hasSuffix(" refused (while retrieving services)"))
        }
    }

    @Test func aFailedCheckNamesItsRemoteWithoutARepeatedPrefix() async throws {
        try await NetworkHarness.with { n in
            let h = n.harness
            h.press(.up, .character("s"))
            await n.settle()
            #expect(!h.message.contains("while retrieving services: while retrieving services"), "\(h.message)")
            #expect(h.message.contains("down"), "\(h.message)")
        }
    }

    @Test func aServiceThatFailsAndABadStoredTokenShowInTheCell() async throws {
        try await NetworkHarness.with(misbehaviours: [.suffix("/library/version"): .status(500)]) { n in
            let h = n.harness
            try n.fixture.store().apply(.storeToken(remote: "lab", token: "revoked-token"))
            h.press(.character("r"), .character("s"))
            await n.settle()
            #expect(h.state.statusCells["lab"] == .done("4/5 OK, bad token", ok: false))
            #expect(h.message.hasPrefix("INFO: Status of lab: 4/5 OK, bad token  WARNING: Library N/A: "))
            #expect(h.message.contains("Authentication token is invalid (please login again)."))
            #expect(!n.everShown("revoked-token"))
        }
    }

    @Test func capitalSChecksEveryRemote() async throws {
        try await NetworkHarness.with { n in
            let h = n.harness
            h.press(.character("S"))
            // Three remotes, and the registry login (its secret is missing: no request needed).
            #expect(h.state.tasks.count == 4)
            #expect(h.message == "INFO: Checking status of 3 remotes and 1 login (Esc cancels)")
            for name in ["DefaultRemote", "down", "lab"] {
                let row = try #require(h.screen.row(containing: " \(name) "))
                #expect(h.screen.line(row).hasSuffix("checking"), "\(name)")
            }
            await n.settle()
            #expect(h.state.statusCells["DefaultRemote"] == .done("built-in", ok: true))
            #expect(h.state.statusCells["down"] == .done("N/A: refused", ok: false))
            #expect(h.state.statusCells["lab"] == .done("OK", ok: true))
            #expect(h.message == "WARNING: 3 remotes checked: 2 OK, 1 N/A; 1 login: 0 valid, 1 to log in again")
            #expect(h.state.loginCells["docker://registry.example.com"] == .done("missing", ok: false))
        }
    }

    @Test func escCancelsASlowStatusAndKeysKeepWorking() async throws {
        try await NetworkHarness.with(misbehaviours: [.suffix("/config.prod.json"): .neverAnswer]) { n in
            let h = n.harness
            h.press(.character("s"))
            #expect(await n.server.waitForRequests(count: 1))
            // Keys, a resize and the help work while the check hangs.
            h.press(.character("2"), .character("1"), .character("?"))
            #expect(h.state.mode == .help(scroll: 0))
            h.press(.escape)
            h.resize(100, 30)
            let row = try #require(h.screen.row(containing: "> lab "))
            #expect(h.screen.line(row).contains("checking"))
            let started = ContinuousClock.now
            h.press(.escape)
            #expect(h.state.tasks.isEmpty)
            #expect(h.state.statusCells["lab"] == .done("cancelled", ok: false))
            #expect(h.message == "INFO: Cancelled: status of lab")
            #expect(h.loop.runningTaskCount == 0)
            #expect(ContinuousClock.now - started < .seconds(1))
        }
    }

    @Test func slowAnswersStillEndWithTheirResult() async throws {
        try await NetworkHarness.with(misbehaviours: [
            .suffix("/config.prod.json"): .slow(headerDelay: .milliseconds(300))
        ]) { n in
            let h = n.harness
            h.press(.character("s"))
            h.loop.send(.tick)
            h.loop.render()
            #expect(h.text.contains("/ checking"))
            await n.settle()
            #expect(h.state.statusCells["lab"] == .done("OK", ok: true))
        }
    }

    @Test func qQuitsWhileAStatusHangs() async throws {
        try await NetworkHarness.with(misbehaviours: [.suffix("/config.prod.json"): .neverAnswer]) { n in
            let h = n.harness
            let input = ScriptedInput([.key(.character("s")), .key(.down), .key(.character("q"))])
            let started = ContinuousClock.now
            let code = h.loop.run(input: input, pollMilliseconds: 1, caughtSignal: { nil })
            #expect(code == 0)
            #expect(h.loop.runningTaskCount == 0)
            #expect(ContinuousClock.now - started < .seconds(1))
        }
    }

    @Test func reloadMakesTheNextStatusFetchDiscoveryAgain() async throws {
        try await NetworkHarness.with { n in
            let h = n.harness
            let discovery = "/ep/assets/config/config.prod.json"
            h.press(.character("s"))
            await n.settle()
            #expect(n.server.requests(pathSuffix: discovery).count == 1)
            h.press(.character("s"))
            await n.settle()
            #expect(n.server.requests(pathSuffix: discovery).count == 1, "the second check uses the cache")
            h.press(.character("r"))
            #expect(h.message.hasPrefix("INFO: Reloaded ~/.apptainer/remote.yaml"))
            h.press(.character("s"))
            await n.settle()
            #expect(n.server.requests(pathSuffix: discovery).count == 2, "after r the cache is not trusted")
            h.press(.character("s"))
            await n.settle()
            #expect(n.server.requests(pathSuffix: discovery).count == 2, "once per remote after r")
        }
    }

    @Test func aStatusCheckMakesAnUnknownBuiltinKeyserverKnown() async throws {
        try await NetworkHarness.with { n in
            let h = n.harness
            try n.fixture.store().apply(
                .addRemote(
                    name: "fresh", uri: n.server.endpointAddress(prefix: "/ep2"), insecure: true, global: false,
                    makeDefault: true))
            h.press(.character("r"))
            #expect(h.state.selectedEndpoint?.name == "lab")
            h.press(.character("g"), .character("j"), .character("j"))
            #expect(h.state.selectedEndpoint?.name == "fresh")
            #expect(h.state.visibleKeyservers.isEmpty)
            #expect(h.text.contains("(built-in keyserver of fresh not known yet: press s to look it up)"))
            h.press(.character("s"))
            await n.settle()
            await h.pump { !h.state.visibleKeyservers.isEmpty }
            #expect(h.state.visibleKeyservers.map(\.uri) == [n.server.url("/ep2/keys")])
            #expect(h.state.visibleKeyservers.first?.isBuiltin == true)
        }
    }

    // MARK: Registry and keyserver logins

    @Test func aKeyserverLoginIsCheckedThenStoredAndShownInLogins() async throws {
        let credentials = BasicCredentials(username: "alice", password: "keys-secret")
        try await NetworkHarness.with(keyserverCredentials: credentials) { n in
            let h = n.harness
            h.press(.character("2"), .character("l"))
            #expect(h.state.form?.text(.uri) == n.server.baseURL)
            h.press(.tab)
            h.type("alice")
            h.press(.tab)
            h.type("wrong-password")
            let before = n.userBytes
            h.press(.enter)
            await n.settle()
            let form = try #require(h.state.form)
            let passwordError = try #require(form.fields[form.index(of: .password) ?? 0].error)
            #expect(passwordError.hasPrefix("while login to \(n.server.baseURL): error response from server: 401"))
            #expect(n.userBytes == before)
            h.type("keys-secret")
            h.press(.enter)
            await n.settle()
            await h.pump { h.state.visibleLogins.count == 2 }
            #expect(h.state.mode == .browse)
            #expect(h.state.visibleLogins.map(\.uri) == ["docker://registry.example.com", n.server.baseURL])
            #expect(try n.fixture.readUser().contains("Auth: \(credentials.authorizationHeader)"))
            #expect(!n.everShown("keys-secret"))
            #expect(!n.everShown("wrong-password"))
            #expect(!n.everShown(credentials.authorizationHeader))
            // The Keyservers pane's LOGIN column follows.
            let row = try #require(h.screen.row(containing: "#1"))
            #expect(h.screen.line(row).hasSuffix("✓"))
        }
    }

    @Test func aRegistryLogoutRemovesTheEntryAndSaysThereWasNoSecret() async throws {
        try await NetworkHarness.with { n in
            let h = n.harness
            h.press(.character("3"))
            #expect(h.state.selectedLogin?.uri == "docker://registry.example.com")
            h.press(.character("d"))
            #expect(h.text.contains("Log out of docker://registry.example.com"))
            h.press(.character("y"))
            await n.settle()
            await h.pump { h.state.visibleLogins.isEmpty }
            #expect(h.state.visibleLogins.isEmpty)
            let file = try n.fixture.readUser()
            #expect(!file.contains("registry.example.com"))
            #expect(h.message.contains("There is no existing login to registry \"registry.example.com\"."))
            #expect(h.message.contains("Logout succeeded"))
        }
    }

    @Test func aChangeByAnotherProgramIsNoticedBeforeALogoutWrites() async throws {
        try await NetworkHarness.with { n in
            let h = n.harness
            h.press(.character("3"), .character("d"))
            try n.fixture.store().apply(
                .addRemote(name: "other", uri: "other.example.org", insecure: false, global: false, makeDefault: false))
            h.press(.character("y"))
            // Reloaded and said so before the service wrote anything.
            #expect(h.message == "INFO: The files were changed by another program; reloaded")
            #expect(h.state.visibleEndpoints.contains { $0.name == "other" })
            await n.settle()
            await h.pump { h.state.visibleLogins.isEmpty }
            let file = try n.fixture.readUser()
            #expect(file.contains("other.example.org"), "the other program's change is kept")
            #expect(!file.contains("registry.example.com"))
        }
    }

    @Test func aRegistryLoginToANonRegistryFailsWithTheFileUnchanged() async throws {
        try await NetworkHarness.with { n in
            let h = n.harness
            let before = n.userBytes
            h.press(.character("3"), .character("a"))
            h.type("docker://\(n.server.endpointAddress())")
            h.press(.tab)
            h.type("bob")
            h.press(.tab)
            h.type("registry-secret")
            h.press(.enter)
            await n.settle()
            #expect(h.state.form != nil)
            #expect(h.message.hasPrefix("ERROR: GET http://127.0.0.1:"))
            #expect(h.message.contains("(while login to docker://127.0.0.1:"))
            #expect(n.userBytes == before)
            #expect(!n.everShown("registry-secret"))
        }
    }

    @Test func theDetailsOfARegistryLoginNameItsUserAndFileWithoutTheSecret() async throws {
        try await NetworkHarness.with { n in
            let h = n.harness
            let folder = n.fixture.home + "/docker"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let auth = AuthorizationHeader.basicToken(username: "erin", password: "registry-secret-never-shown")
            try Data("{\"auths\": {\"registry.example.com\": {\"auth\": \"\(auth)\"}}}".utf8).write(
                to: URL(fileURLWithPath: folder + "/config.json"))
            h.press(.character("3"), .enter)
            #expect(h.text.contains("erin"))
            #expect(h.text.contains("docker/config.json"))
            #expect(!n.everShown("registry-secret-never-shown"))
            #expect(!n.everShown(auth))
        }
    }
}
