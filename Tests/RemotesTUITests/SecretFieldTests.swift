import RemotesCore
import Testing

@testable import RemotesTUI

@MainActor
@Suite struct SecretFieldTests {
    let token = "s3cr3t-TOKEN-value"

    @Test func theTokenFieldStartsVisiblyEmptyAndShowsOneDotPerCharacter() throws {
        let h = Harness(try Fixture())
        h.press(.character("l"))
        let form = try #require(h.state.form)
        #expect(form.fields.map(\.kind) == [.secret])
        #expect(h.text.contains("Access Token: ["))
        #expect(!h.text.contains("•"))
        h.type(token)
        #expect(h.text.contains(String(repeating: "•", count: token.count)))
        #expect(!h.text.contains(token))
        #expect(!h.text.contains("TOKEN"))
    }

    @Test func pasteGoesIntoTheSecretAsOneLine() throws {
        let h = Harness(try Fixture())
        h.press(.character("l"), .paste(token + "\n"))
        #expect(h.state.form?.text(.token) == token)
        #expect(h.state.mode != .browse)
        #expect(!h.text.contains(token))
    }

    @Test func theSecretIsClearedAtSubmitAndHandedOnlyToTheServices() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), services: services)
        h.press(.character("l"))
        h.type(token)
        var state = h.state
        let effects = state.handle(.key(.enter))
        #expect(effects == [.startTask(id: 1, request: .loginEndpoint(remote: "lab", token: token))])
        #expect(state.form?.text(.token) == "")
        h.press(.enter)
        #expect(h.state.form?.text(.token) == "")
        #expect(h.state.form?.pendingTask == 1)
        #expect(h.text.contains("checking… (Esc cancels)"))
        await services.waitUntilWaiting("login:lab")
        #expect(services.secrets == [token])
        services.answer("login:lab", with: .outcome(.failure(.failed("while verifying token: Invalid Credentials"))))
        await h.pump { h.state.tasks.isEmpty }
        let form = try #require(h.state.form)
        #expect(form.fields[0].error == "while verifying token: Invalid Credentials")
        #expect(form.fields[0].text.isEmpty)
        #expect(!h.text.contains(token))
    }

    @Test func aVerifiedTokenIsStoredThroughTheCore() async throws {
        let fixture = try Fixture()
        let services = ControlledServices()
        let h = Harness(fixture, services: services)
        h.press(.character("l"))
        h.type(token)
        h.press(.enter)
        #expect(h.text.contains("lab") && h.state.task(forEndpoint: "lab") != nil)
        await services.waitUntilWaiting("login:lab")
        services.answer(
            "login:lab",
            with: .outcome(
                .success(
                    ServiceOutcome(
                        notices: [.info("Access Token Verified!")], change: .storeToken(remote: "lab", token: token)))))
        await h.pump { h.state.tasks.isEmpty && h.state.mode == .browse }
        #expect(h.state.mode == .browse)
        // The service's line stays before the write's.
        #expect(h.message.hasPrefix("INFO: lab: Access Token Verified!  INFO: Token stored in"))
        #expect(try fixture.readUser().contains("Token: \(token)"))
        #expect(h.state.selectedEndpoint?.isLoggedIn == true)
        #expect(!h.text.contains(token))
    }

    @Test func noFrameEverShowsTheSecret() async throws {
        let services = ControlledServices()
        let fixture = try Fixture()
        let h = Harness(fixture, services: services)
        h.press(.character("l"))
        for character in token { h.press(.character(character)) }
        h.press(.left, .left, .backspace, .end, .paste("XY"), .tab, .enter)
        await services.waitUntilWaiting("login:lab")
        services.answer(
            "login:lab",
            with: .outcome(.success(ServiceOutcome(change: .storeToken(remote: "lab", token: "stored-\(token)")))))
        await h.pump { h.state.tasks.isEmpty && h.state.mode == .browse }
        h.press(.character("3"), .character("a"), .tab, .tab)
        h.type("pass-\(token)")
        h.press(.enter, .escape)
        #expect(h.screen.frames.count > token.count)
        for frame in h.screen.frames {
            #expect(!frame.contains("TOKEN"))
            #expect(!frame.contains("s3cr3t"))
        }
        #expect(try fixture.readUser().contains("Token: stored-"))
    }

    @Test func withoutTheNetworkLayerLoginFailsClearlyAndStoresNothing() async throws {
        let fixture = try Fixture()
        let before = try fixture.readUser()
        let h = Harness(fixture)
        h.press(.character("l"))
        h.type(token)
        h.press(.enter)
        await h.pump { h.state.tasks.isEmpty }
        let form = try #require(h.state.form)
        #expect(form.fields[0].error == "remote login is not available yet: this build of remotes has no network layer")
        #expect(try fixture.readUser() == before)
        #expect(!h.text.contains(token))
    }

    @Test func registryLoginValidatesAndHidesThePassword() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), services: services)
        h.press(.character("3"), .character("a"))
        h.type("oras://registry.example.net:5000")
        h.press(.tab, .tab)
        h.type("hunter2-password")
        h.press(.enter)
        #expect(h.state.form?.fields[1].error == "Docker/OCI registry requires a username")
        #expect(h.state.form?.text(.password) == "")
        #expect(!h.text.contains("hunter2"))
        #expect(h.state.form?.focus == 1)
        h.type("alice")
        h.press(.tab)
        h.type("hunter2-password")
        h.press(.enter)
        await services.waitUntilWaiting("registry:oras://registry.example.net:5000")
        #expect(services.secrets == ["hunter2-password"])
        #expect(!h.text.contains("hunter2"))
        #expect(h.state.form?.text(.password) == "")
    }

    @Test func escDuringTheCheckCancelsTheTaskAndClosesTheForm() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), services: services)
        h.press(.character("l"))
        h.type(token)
        h.press(.enter)
        await services.waitUntilWaiting("login:lab")
        h.press(.escape)
        #expect(h.state.mode == .browse)
        #expect(h.state.tasks.isEmpty)
        #expect(h.message == "INFO: Cancelled: login to lab")
        await h.pump { services.cancelled == ["login:lab"] }
        #expect(services.cancelled == ["login:lab"])
    }
}
