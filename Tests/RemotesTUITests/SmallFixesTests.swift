import RemotesCore
import Testing

@testable import RemotesTUI

/// The smaller defects of issue 14 (point 8); the selection after another program's removal is
/// in `ChangedOnDiskTests`.
@MainActor
@Suite struct SmallFixesTests {
    /// STORED IN and the file paths show the home folder as `~` only where a path starts
    /// there; before, `/data/home/alice/x` became `/data~/x`.
    @Test(arguments: [
        ("/home/alice/.apptainer/remote.yaml", "~/.apptainer/remote.yaml"),
        (
            "helper named in /home/alice/.docker/config.json (shadowed by /home/alice/a.json)",
            "helper named in ~/.docker/config.json (shadowed by ~/a.json)"
        ),
        ("/data/home/alice/.docker/config.json", "/data/home/alice/.docker/config.json"),
        ("file /srv/home/alice/x (shadowed by /home/alice/y)", "file /srv/home/alice/x (shadowed by ~/y)"),
        ("/home/alicebob/x", "/home/alicebob/x"),
        ("/home/alice", "/home/alice"),
    ])
    func homeIsShortenedOnlyWhereAPathStarts(text: String, shown: String) {
        #expect(UIState.homeShortened(text, home: "/home/alice") == shown)
        #expect(UIState.homeShortened(text, home: "/") == text)
        #expect(UIState.homeShortened(text, home: "") == text)
    }

    @Test func anHTTPKeyserverAddedWithoutInsecureIsNotShownAsSecure() throws {
        let yaml = """
            Active: lab
            Remotes:
                lab:
                    URI: lab.example.org
                    System: false
                    Exclusive: false
                    Keyservers:
                        - URI: http://keys.plain.example.org
                          Skip: false
                          External: true
                          Insecure: false

            """
        let h = Harness(try Fixture(user: yaml))
        h.press(.tab)
        let row = try #require(h.screen.row(containing: "http://keys.plain.example.org"))
        #expect(!h.screen.line(row).contains("✓"), "\(h.screen.line(row))")
    }

    @Test func theAddFormSpeaksOfItsCheckboxNotOfCommandLineFlags() throws {
        let h = Harness(try Fixture())
        h.press(.character("a"))
        h.type("plain")
        h.press(.tab)
        h.type("http://plain.example.org")
        h.press(.enter)
        let error = try #require(h.state.form?.fields.compactMap(\.error).first)
        #expect(!error.contains("--insecure"), "\(error)")
        #expect(!error.contains("APPTAINER_ADD_INSECURE"), "\(error)")
        #expect(error.contains("insecure"), "\(error)")
    }

    @Test func aRefusedMoveSaysWhatCannotBeDoneInPlainWords() throws {
        let h = Harness(try Fixture())
        h.press(.tab, .character("K"))
        #expect(!h.message.contains("(saved at once): already"), "\(h.message)")
        #expect(h.message.hasPrefix("WARNING: Cannot move"), "\(h.message)")
    }

    @Test func theHelpAt60ColumnsCutsNoDescription() throws {
        let h = Harness(try Fixture(), size: ScreenSize.minimum)
        h.press(.character("?"))
        var pages: [String] = []
        for _ in 0..<40 {
            pages.append(h.text)
            h.press(.pageDown)
        }
        let lines = pages.joined(separator: "\n").split(separator: "\n").filter { $0.contains("│") }
        let cut = lines.filter { $0.contains("…") }
        #expect(cut.isEmpty, "\(cut.joined(separator: "\n"))")
    }

    @Test func aLoginFormsRefusalSpeaksOfItsCheckboxOnTheMessageLineToo() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), services: services)
        h.press(.character("3"), .down, .character("l"), .tab)
        h.type("alice")
        h.press(.tab)
        h.type("pw")
        h.press(.enter)
        await services.waitUntilWaiting("registry:https://keys.lab.example.org")
        let refusal =
            "refusing to send the credentials over plain http to keys.lab.example.org: configure the keyserver as insecure or use --insecure"
        services.answer(
            "registry:https://keys.lab.example.org", with: .outcome(.failure(RemotesError(.failed, refusal))))
        await h.pump { h.state.tasks.isEmpty }
        #expect(!h.message.contains("--insecure"), "\(h.message)")
        #expect(h.message.contains("tick \"insecure\""), "\(h.message)")
        #expect(h.state.form?.fields.compactMap(\.error).first?.contains("--") == false)
    }
}
