import Foundation
import RemotesTestSupport
import Testing

/// Text from servers and from files others control reaches the terminal harmless: C0 and C1
/// control characters and DEL show as `\xNN` in tables, messages and `--verbose` logs, and as
/// JSON escapes (`\u001b`) in JSON. Only our own newlines (and tabs) stay raw.
@Suite("No terminal injection")
struct TerminalInjectionTests {
    /// The issue's example: sets the terminal title, rings the bell, clears the screen.
    static let hostile = "v1\u{1B}]0;PWNED\u{07}\u{1B}[2J"
    static let shown = #"v1\x1b]0;PWNED\x07\x1b[2J"#

    /// Each raw control character in `text` a terminal would act on (all but newline and tab).
    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            (s.value < 0x20 && s != "\n" && s != "\t") || (0x7F...0x9F).contains(s.value)
        }.map { String(format: "U+%04X", $0.value) }
    }

    /// Expects no raw control character in either stream of `result`.
    static func expectClean(_ result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(rawControls(result.stdout).isEmpty, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
        #expect(rawControls(result.stderr).isEmpty, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }

    /// A logged-in remote `lib` whose server answers with escape sequences everywhere.
    static func hostileEndpoint(_ f: EndpointFixture) async throws {
        let token = validLengthToken("esc")
        let hostile = Self.hostile
        f.server.configure {
            $0.validTokens = [token]
            $0.versions[.library] = hostile
            $0.username = "ev\u{1B}[31mil\u{9B}0m"
            $0.email = "m\u{07}x@example.org\nINFO:    forged"
        }
        try await f.addRemote("lib")
        let login = try await f.run("login", ["--tokenfile", try f.tokenFile("t", token), "lib"])
        #expect(login.status == 0, "\(login.stderr)")
    }

    @Test("status shows versions and the user escaped")
    func statusText() async throws {
        try await EndpointFixture.with { f in
            try await Self.hostileEndpoint(f)
            let result = try await f.run("status", ["lib"])
            #expect(result.status == 0, "\(result.stderr)")
            Self.expectClean(result)
            #expect(result.stdout.contains("Library    OK      \(Self.shown)  "), "\(result.stdout)")
            // A server's newline cannot forge a line either.
            #expect(
                result.stdout.contains(#"Logged in as: ev\x1b[31mil\x9b0m <m\x07x@example.org\x0aINFO:    forged>"#),
                "\(result.stdout)")
        }
    }

    @Test("status --format json escapes as JSON does, and reads back to the server's text")
    func statusJSON() async throws {
        try await EndpointFixture.with { f in
            try await Self.hostileEndpoint(f)
            let result = try await f.run("status", ["--format", "json", "lib"])
            #expect(result.status == 0, "\(result.stderr)")
            Self.expectClean(result)
            #expect(result.stdout.contains(#"v1\u001b]0;PWNED\u0007\u001b[2J"#), "\(result.stdout)")
            #expect(result.stdout.contains(#"ev\u001b[31mil\u009b0m"#), "\(result.stdout)")
            let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let remote = (document?["remotes"] as? [[String: Any]])?.first
            let identity = remote?["identity"] as? [String: Any]
            #expect(identity?["username"] as? String == "ev\u{1B}[31mil\u{9B}0m")
            let services = remote?["services"] as? [[String: Any]] ?? []
            #expect(services.contains { $0["version"] as? String == Self.hostile })
        }
    }

    @Test("a service URI with escapes is escaped in the table, the warning and the --verbose log")
    func statusAllVerbose() async throws {
        try await EndpointFixture.with { f in
            try await f.addRemote("lib")
            let port = f.server.port ?? 0
            f.server.configure { $0.serviceURIs[.builder] = "http://127.0.0.1:\(port)/ep/b\u{1B}[2J\u{9B}m" }
            let result = try await f.run("status", ["--all", "--verbose", "--refresh"])
            Self.expectClean(result)
            #expect(result.stdout.contains(#"/ep/b\x1b[2J\x9bm"#), "\(result.stdout)")
            #expect(result.stderr.contains(#"WARNING: lib: Builder at http://127.0.0.1:\#(port)/ep/b\x1b[2J\x9bm"#))
            #expect(result.stderr.contains("DEBUG:   GET "), "\(result.stderr)")
        }
    }

    @Test("a registry's error body is quoted escaped in the FATAL line")
    func errorBody() async throws {
        try await EndpointFixture.with { f in
            f.server.misbehave(.status(403, body: "denied \u{1B}]52;c;cHduZWQ=\u{07} \u{9B}2J"), at: .exact("/v2/"))
            let result = try await f.sandbox.run(
                ["login", "--batch", "-u", "alice", "--password-stdin", "docker://\(f.server.endpointAddress())"],
                stdin: "pw")
            #expect(result.status == 1, "\(result.stderr)")
            Self.expectClean(result)
            #expect(
                result.stderr.contains(#"403 Forbidden (denied \x1b]52;c;cHduZWQ=\x07 \x9b2J)"#), "\(result.stderr)")
        }
    }

    @Test("names from another user's system file are listed escaped")
    func listNames() async throws {
        let box = try CLISandbox()
        defer { box.folder.remove() }
        try box.write(
            box.systemFile,
            "Active: \"\"\nRemotes:\n    \"pwn\\e]0;PWNED\\a\":\n        URI: example.com\n"
                + "        System: true\n        Exclusive: false\n")
        let result = try await box.run(["list", "--batch"])
        #expect(result.status == 0, "\(result.stderr)")
        Self.expectClean(result)
        #expect(result.stdout.contains(#"pwn\x1b]0;PWNED\x07  "#), "\(result.stdout)")
        let json = try await box.run(["list", "--batch", "--format", "json"])
        Self.expectClean(json)
        #expect(json.stdout.contains(#""name" : "pwn\u001b]0;PWNED\u0007""#), "\(json.stdout)")
    }
}
