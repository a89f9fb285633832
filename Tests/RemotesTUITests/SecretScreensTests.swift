import Foundation
import RemotesCore
import Testing

@testable import RemotesTUI

/// Secrets on screen, beyond SecretFieldTests (which types an endpoint token and a registry
/// password): secrets already stored in the files are never drawn on any screen, and a
/// keyserver or registry password typed, pasted, refused and cancelled shows in no frame and
/// stays nowhere in the UI state once the form has handed it on or was closed.
@MainActor
@Suite struct SecretScreensTests {
    static let storedToken = "stored-SeKrT-endpoint-token"
    static let otherToken = "stored-SeKrT-other-token"
    static let storedPassword = "stored-SeKrT-keyserver-password"
    static let storedBearer = "stored-SeKrT-bearer"
    static var storedBasic: String { Data("alice:\(storedPassword)".utf8).base64EncodedString() }

    static let user = """
        Active: lab
        Remotes:
            lab:
                URI: lab.example.org
                Token: \(storedToken)
                System: false
                Exclusive: false
                Keyservers:
                    - URI: https://keys.lab.example.org
                      Skip: false
                      External: true
                      Insecure: false
                    - URI: hkp://pgp.example.net
                      Skip: false
                      External: true
                      Insecure: true
            test:
                URI: test.example.com
                Token: \(otherToken)
                System: false
                Exclusive: false
                Insecure: true
        Credentials:
            - URI: docker://registry.example.com
              Insecure: false
            - URI: https://keys.lab.example.org
              Auth: Basic \(storedBasic)
              Insecure: false
            - URI: hkp://pgp.example.net
              Auth: Bearer \(storedBearer)
              Insecure: true

        """

    /// Every form a secret could take on screen: itself, base64 of `user:secret`, the header.
    static func forms(of secret: String, username: String = "alice") -> [String] {
        let basic = Data("\(username):\(secret)".utf8).base64EncodedString()
        return [secret, basic, "Basic \(basic)", "Bearer \(secret)"]
    }

    /// The frames (each also with its lines joined, so that a wrapped secret is found too) that
    /// show any of `needles`, or a distinctive part of the secrets ("SeKrT").
    static func leaks(in frames: [String], of needles: [String]) -> [String] {
        var found: [String] = []
        for (index, frame) in frames.enumerated() {
            let joined = frame.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
            for needle in needles + ["SeKrT"] where frame.contains(needle) || joined.contains(needle) {
                found.append("frame \(index) shows \(needle)")
            }
        }
        return found
    }

    @Test("secrets stored in the files show on no screen: panes, every row, help, every form, dialogs, sizes")
    func storedSecretsAreNeverDrawn() throws {
        let fixture = try Fixture(user: Self.user)
        let h = Harness(fixture)
        // Every row of every pane, with the help and the filter.
        for pane in ["1", "2", "3"] {
            h.press(.character(Character(pane)), .home)
            for _ in 0..<4 { h.press(.down) }
            h.press(.character("?"))
            h.press(.escape, .character("/"))
            h.type("e")
            h.press(.escape, .escape)
        }
        // Every form and dialog that names a login, opened on each row that has one.
        h.press(.character("1"), .home, .down)  // lab, logged in
        h.press(.character("l"))
        #expect(h.text.contains("An access token is already set for this remote"))
        h.press(.escape, .character("o"))
        #expect(h.state.confirmation != nil)
        h.press(.escape, .character("a"), .escape)
        h.press(.character("2"), .home)
        for _ in 0..<2 {
            h.press(.character("l"))
            #expect(h.state.form != nil)
            h.press(.escape, .character("o"), .escape, .character("a"), .escape, .down)
        }
        h.press(.character("3"), .home)
        for _ in 0..<3 {
            h.press(.character("l"))
            #expect(h.state.form != nil)
            h.press(.escape, .character("o"), .escape, .down)
        }
        h.press(.character("a"), .escape)
        // Other sizes lay out the same data differently.
        for (width, height) in [(60, 16), (200, 60), (50, 10), (80, 24)] {
            h.resize(width, height)
            for pane in ["1", "2", "3"] { h.press(.character(Character(pane)), .end, .home) }
        }
        #expect(h.screen.frames.count > 60)
        #expect(h.screen.frames.contains { $0.contains("docker://registry.example.com") })
        #expect(h.screen.frames.contains { $0.contains("hkp://pgp.example.net") })
        let secrets =
            [Self.storedToken, Self.otherToken, Self.storedBasic, "Basic \(Self.storedBasic)", Self.storedBearer]
            + Self.forms(of: Self.storedPassword)
        let leaks = Self.leaks(in: h.screen.frames, of: secrets)
        #expect(leaks.isEmpty, "\(leaks.joined(separator: "\n"))")
        // The files still hold them: the test is about drawing, not about losing them.
        #expect(try fixture.readUser() == Self.user)
    }

    /// Opens a login form with `open`, types `secret` as a user would (keys, a paste, edits),
    /// submits, has the services refuse it, types it again and submits, then cancels while it
    /// is being checked; returns what the services were given.
    func typeSecret(
        _ secret: String, serviceKey: String, into h: Harness, services: ControlledServices, open: () -> Void
    ) async throws {
        open()
        let form = try #require(h.state.form)
        let field = try #require(form.fields.firstIndex { $0.kind == .secret })
        while h.state.form?.focus != field { h.press(.tab) }
        for character in secret { h.press(.character(character)) }
        // An edit in the middle and a paste at the end, both taken back.
        h.press(.left, .left, .character("X"), .backspace, .end, .paste("Zz"), .backspace, .backspace)
        #expect(h.state.form?.fields[field].text.count == secret.count)
        #expect(h.state.form?.fields[field].text == secret)
        h.press(.enter)
        #expect(h.state.form?.fields[field].text == "")
        #expect(!String(describing: h.state).contains(secret), "the UI state keeps the secret after submit")
        await services.waitUntilWaiting(serviceKey)
        services.answer(serviceKey, with: .outcome(.failure(.failed("the registry rejected the credentials"))))
        await h.pump { h.state.tasks.isEmpty }
        #expect(h.state.form?.error != nil || h.state.form?.fields.contains { $0.error != nil } == true)
        // Again, pasted this time, then cancelled while it is checked.
        while h.state.form?.focus != field { h.press(.tab) }
        h.press(.paste(secret))
        h.press(.enter)
        await services.waitUntilWaiting(serviceKey)
        h.press(.escape)
        #expect(h.state.mode == .browse)
        await h.pump { services.cancelled.contains(serviceKey) }
        // Opened again, the field is empty, and nothing of the secret is left in the state.
        open()
        #expect(h.state.form?.fields[field].text == "")
        #expect(!String(describing: h.state).contains(secret))
        h.press(.escape)
        #expect(services.secrets.suffix(2) == [secret, secret])
    }

    @Test("a keyserver password typed into the keyserver login form shows in no frame and stays nowhere in the state")
    func keyserverPassword() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(user: Self.user), services: services)
        let secret = "typed-SeKrT-keyserver-password"
        try await typeSecret(secret, serviceKey: "registry:https://keys.lab.example.org", into: h, services: services) {
            h.press(.character("2"), .home, .character("l"))
            #expect(h.state.form?.text(.uri) == "https://keys.lab.example.org")
            if h.state.form?.text(.username).isEmpty == true {
                h.press(.tab)
                h.type("alice")
            }
        }
        let leaks = Self.leaks(in: h.screen.frames, of: Self.forms(of: secret))
        #expect(leaks.isEmpty, "\(leaks.joined(separator: "\n"))")
        #expect(h.screen.frames.count > secret.count)
    }

    @Test("a registry password typed into the login form shows in no frame and stays nowhere in the state")
    func registryPassword() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(user: Self.user), services: services)
        let secret = "typed-SeKrT-registry-password"
        try await typeSecret(secret, serviceKey: "registry:docker://registry.example.com", into: h, services: services)
        {
            h.press(.character("3"), .home, .character("l"))
            #expect(h.state.form?.text(.uri) == "docker://registry.example.com")
            if h.state.form?.text(.username).isEmpty == true {
                h.press(.tab)
                h.type("alice")
            }
        }
        let leaks = Self.leaks(in: h.screen.frames, of: Self.forms(of: secret))
        #expect(leaks.isEmpty, "\(leaks.joined(separator: "\n"))")
    }

    @Test("an endpoint token typed and refused, then pasted and cancelled, stays nowhere in the state")
    func endpointToken() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(user: Self.user), services: services)
        let secret = "typed-SeKrT-endpoint-token"
        try await typeSecret(secret, serviceKey: "login:lab", into: h, services: services) {
            h.press(.character("1"), .home, .down, .character("l"))
            #expect(h.state.form?.title == "Log in to lab")
        }
        let leaks = Self.leaks(in: h.screen.frames, of: Self.forms(of: secret))
        #expect(leaks.isEmpty, "\(leaks.joined(separator: "\n"))")
    }
}
