import RemotesCore
import RemotesNetwork
import Testing

@testable import RemotesTUI

/// Errors show their cause, and every message can be read again (issue 14, defects 5 and 6).
@MainActor
@Suite struct MessageLogTests {
    static let loginError =
        "while login to docker://registry-with-a-rather-long-name.physics.example.org:5000: Get \"https://registry-with-a-rather-long-name.physics.example.org:5000/v2/\": dial tcp 10.1.2.3:5000: connect: connection refused"

    /// Opens the registry login form, submits it, and answers with `loginError`.
    private func failLogin(_ h: Harness, _ services: ControlledServices) async {
        h.press(.character("3"), .character("a"))
        h.type("docker://registry-with-a-rather-long-name.physics.example.org:5000")
        h.press(.tab)
        h.type("alice")
        h.press(.tab)
        h.type("pw")
        h.press(.enter)
        await services.waitUntilWaiting("registry:docker://registry-with-a-rather-long-name.physics.example.org:5000")
        services.answer(
            "registry:docker://registry-with-a-rather-long-name.physics.example.org:5000",
            with: .outcome(.failure(RemotesError(.unavailable, Self.loginError))))
        await h.pump { h.state.tasks.isEmpty }
    }

    // MARK: - Defect 5: errors cut before the cause, no way to read an earlier message

    @Test func aLoginErrorShowsItsCauseInTheFormAt60Columns() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), size: ScreenSize.minimum, services: services)
        await failLogin(h, services)
        #expect(h.state.form != nil)
        #expect(h.text.contains("connection refused"), "\(h.text)")
    }

    @Test func mShowsEveryEarlierMessage() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), size: ScreenSize.minimum, services: services)
        await failLogin(h, services)
        h.press(.escape)
        h.press(.character("1"), .character("u"))
        #expect(h.message.contains("now in use"))
        h.press(.character("m"))
        #expect(h.text.contains("Message log"))
        #expect(h.text.contains("connection refused"))
        #expect(h.text.contains("now in use"))
    }

    // MARK: - Defect 6: after S, a failed row shows only N/A

    @Test func afterCapitalSEachFailedRowSaysWhyAndASummaryCounts() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), size: ScreenSize(width: 100, height: 30), services: services)
        h.press(.character("S"))
        for name in ["DefaultRemote", "lab", "test"] { await services.waitUntilWaiting("status:\(name)") }
        services.answer("status:DefaultRemote", with: .status(.success(EndpointStatus(summary: "built-in", ok: true))))
        services.answer(
            "status:lab",
            with: .status(
                .failure(
                    RemotesError(
                        .unavailable,
                        "while retrieving services: Get \"https://lab.example.org/assets/config/config.prod.json\": dial tcp 10.1.2.3:443: connect: connection refused"
                    ))))
        services.answer(
            "status:test",
            with: .status(
                .failure(
                    RemotesError(
                        .unavailable,
                        "while retrieving services: Get \"http://test.example.com/assets/config/config.prod.json\": request timed out"
                    ))))
        for (uri, kind, status) in [
            ("docker://registry.example.com", LoginKind.registry, LoginHealth.Status.valid),
            ("https://keys.lab.example.org", .keyserver, .rejected),
        ] {
            await services.waitUntilWaiting("check:\(uri)")
            let login = StoredLogin(uri: uri, kind: kind, isInsecure: false)
            services.answer(
                "check:\(uri)",
                with: .loginHealth(
                    LoginHealth(login: login, username: "u", status: status, reason: "the server said so")))
        }
        await h.pump { h.state.tasks.isEmpty }
        let lab = try #require(h.screen.row(containing: " lab "))
        let test = try #require(h.screen.row(containing: " test "))
        #expect(h.screen.line(lab).contains("N/A: refused"), "\(h.screen.line(lab))")
        #expect(h.screen.line(test).contains("N/A: timeout"), "\(h.screen.line(test))")
        #expect(
            h.message.contains("3 remotes checked: 1 OK, 2 N/A; 2 logins: 1 valid, 1 to log in again"), "\(h.message)")
        #expect(h.state.loginCells["https://keys.lab.example.org"] == .done("rejected", ok: false))
        h.press(.character("m"))
        #expect(h.text.contains("connection refused"))
        #expect(h.text.contains("request timed out"))
    }

    // MARK: - The log view

    @Test func theLogKeepsTimeLevelAndSubjectAndOpensAtTheLatest() async throws {
        let fixture = try Fixture()
        let h = Harness(fixture, size: ScreenSize.minimum)
        h.press(.down, .character("u"))  // INFO about test
        h.press(.character("o"))
        h.press(.character("y"))  // logs out of test
        h.press(.home, .character("d"))
        h.press(.character("y"))  // refused: a global remote
        for i in 0..<3 {
            h.press(.character("/"))
            h.type("x\(i)")
            h.press(.escape)
            h.press(.tab, .character("K"), .tab, .tab)  // a refusal each time
        }
        h.press(.character("m"))
        assertSnapshot(h.screen, named: "log-60x16")
        #expect(h.text.contains("10:00:00 WARNING Cannot move"))
        h.press(.home)
        #expect(h.text.contains("10:00:00 INFO    Remote \"test\" now in use."))
        #expect(h.text.contains("10:00:00 INFO    test: Logout succeeded"))
        h.press(.character("G"))
        #expect(h.text.contains("messages"))
        h.press(.character("m"))
        #expect(h.state.mode == .browse)
    }

    @Test func theMessageLineSaysWhenItCannotShowEverything() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), size: ScreenSize.minimum, services: services)
        h.press(.character("s"))
        await services.waitUntilWaiting("status:lab")
        services.answer("status:lab", with: .status(.success(DetailViewTests.labStatus.withNotices)))
        await h.pump { h.state.tasks.isEmpty }
        let area = h.screen.line(h.state.layout.hintRow - 1)
        #expect(area.hasSuffix(StatusLines.moreMark), "\(area)")
    }

    @Test func escDuringCapitalSEndsTheRunWithItsCount() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), services: services)
        h.press(.character("S"))
        await services.waitUntilWaiting("status:lab")
        services.answer("status:lab", with: .status(.success(EndpointStatus(summary: "OK", ok: true))))
        await h.pump { h.state.statusCells["lab"] == .done("OK", ok: true) }
        h.press(.escape)
        #expect(h.message == "INFO: 3 remotes checked: 1 OK, 0 N/A, 2 cancelled; 2 logins: 0 valid, 2 cancelled")
        #expect(h.state.statusRun == nil)
    }

    // MARK: - Wording

    @Test func errorsLoseRepeatedPrefixesAndPutTheCauseFirst() {
        #expect(ErrorText.tidy("while a: while a: cause") == "while a: cause")
        #expect(ErrorText.causeFirst("while login to x: Get y: refused") == "Get y: refused (while login to x)")
        #expect(ErrorText.causeFirst("Status of lab: N/A: while a: cause") == "Status of lab: N/A: cause (while a)")
        #expect(ErrorText.causeFirst("no context here") == "no context here")
    }

    @Test func shortReasonsForTheStatusCell() {
        #expect(FailureReason.short("dial tcp: connect: connection refused") == "refused")
        #expect(FailureReason.short("request timed out") == "timeout")
        #expect(FailureReason.short("lookup x: no such host") == "DNS")
        #expect(FailureReason.short("the server's certificate is not trusted") == "TLS")
        #expect(FailureReason.short("error response from server: 404 Not Found") == "HTTP 404")
        #expect(FailureReason.short("something else") == "error")
    }

    @Test func theFormsWordsReplaceTheCommandLineFlagsOfTheCoresMessages() {
        let errors = AddRemoteRequest(name: "x", uri: "http://plain.example.org", insecure: false).validate()
        let message = try? #require(errors.first?.error.message)
        #expect(message?.contains("--insecure") == true, "the command line keeps its words")
        let inForm = FormWording.inForm(message ?? "")
        #expect(!inForm.contains("--") && !inForm.contains("APPTAINER_"), "\(inForm)")
        #expect(inForm.contains("\"insecure\""))
    }

    @Test func aSubjectIsNamedOnce() {
        #expect(Message(.info, "Remote \"lab\" added", about: .remote("lab")).textWithSubject == "Remote \"lab\" added")
        #expect(Message(.info, "Status of lab: OK", about: .remote("lab")).textWithSubject == "Status of lab: OK")
        #expect(Message(.info, "Logout succeeded", about: .remote("lab")).textWithSubject == "lab: Logout succeeded")
        #expect(
            Message(.error, "Get https://lab.example.org: refused", about: .remote("lab")).textWithSubject
                == "lab: Get https://lab.example.org: refused")
    }
}

extension EndpointStatus {
    /// The status with the message lines a real check has.
    fileprivate var withNotices: EndpointStatus {
        var status = self
        status.notices = [
            .warning("Library N/A: error response from server: 503 Service Unavailable"),
            .info("Valid authentication token set (logged in)."), .info("Logged in as: alice <alice@example.org>"),
            .info("Keyserver 1.0.2"),
        ]
        return status
    }
}
