import Foundation
import RemotesTestSupport
import Testing

/// The interactive login on a terminal: Apptainer's texts, the hidden prompt, and the
/// "Replace it? [y/N]" question when a token is already set.
struct TerminalLoginTests {
    private func runOnTerminal(
        _ f: EndpointFixture, _ arguments: [String], steps: [TerminalRun.Step]
    ) async throws -> TerminalRun.Outcome {
        try await TerminalRun.run(
            f.sandbox.binary, arguments + ["--timeout", "10"], environment: f.sandbox.environment(),
            workingDirectory: f.sandbox.folder.path, steps: steps)
    }

    @Test func promptsWithApptainersTextsAndHidesTheToken() async throws {
        try await EndpointFixture.with { f in
            let token = validLengthToken("typed")
            f.server.configure { $0.validTokens = [token] }
            try await f.addRemote("lib")
            let outcome = try await runOnTerminal(
                f, ["login", "lib"], steps: [.init(waitFor: "Access Token: ", type: token)])
            let result = outcome.result
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stdout == """
                    Generate an access token at \(f.uri())/auth/tokens, and paste it here.
                    Token entered will be hidden for security.

                    """)
            #expect(
                result.stderr == """
                    Access Token: \(Prefix.info)Access Token Verified!
                    \(Prefix.info)Token stored in \(f.sandbox.userFile)

                    """)
            #expect(!outcome.echoed.contains(token))
            #expect(f.userFileText.contains("Token: \(token)\n"))
        }
    }

    @Test func replaceQuestionNoKeepsTheToken() async throws {
        try await EndpointFixture.with { f in
            let old = validLengthToken("old")
            f.server.configure { $0.validTokens = [old] }
            try await f.addRemote("lib")
            #expect(try await f.run("login", ["--tokenfile", try f.tokenFile("t", old), "lib"]).status == 0)
            let before = f.userFileBytes
            f.server.clearRequests()
            let outcome = try await runOnTerminal(
                f, ["login", "lib"],
                steps: [.init(waitFor: "Replace it? [y/N] ", type: "n")])
            #expect(outcome.result.status == 0)
            #expect(outcome.result.stdout == "An access token is already set for this remote. Replace it? [y/N] ")
            #expect(outcome.result.stderr == "")
            #expect(f.userFileBytes == before)
            #expect(f.server.requests.isEmpty)
        }
    }

    @Test func replaceQuestionYesReplacesAfterVerifying() async throws {
        try await EndpointFixture.with { f in
            let old = validLengthToken("old")
            let new = validLengthToken("new")
            f.server.configure { $0.validTokens = [old, new] }
            try await f.addRemote("lib")
            #expect(try await f.run("login", ["--tokenfile", try f.tokenFile("t", old), "lib"]).status == 0)
            let outcome = try await runOnTerminal(
                f, ["login", "lib"],
                steps: [
                    .init(waitFor: "Replace it? [y/N] ", type: "YES"),
                    .init(waitFor: "Access Token: ", type: new),
                ])
            #expect(outcome.result.status == 0, "\(outcome.result.stderr)")
            #expect(
                outcome.result.stdout.hasPrefix(
                    "An access token is already set for this remote. Replace it? [y/N] Generate an access token at"))
            #expect(outcome.result.stderr.contains("\(Prefix.info)Access Token Verified!\n"))
            #expect(f.userFileText.contains("Token: \(new)\n"))
            #expect(!outcome.echoed.contains(new))
        }
    }

    @Test func invalidAnswerIsAnError() async throws {
        try await EndpointFixture.with { f in
            let old = validLengthToken("old")
            f.server.configure { $0.validTokens = [old] }
            try await f.addRemote("lib")
            #expect(try await f.run("login", ["--tokenfile", try f.tokenFile("t", old), "lib"]).status == 0)
            let before = f.userFileBytes
            let outcome = try await runOnTerminal(
                f, ["login", "lib"], steps: [.init(waitFor: "Replace it? [y/N] ", type: "maybe")])
            #expect(outcome.result.status == 64)
            #expect(outcome.result.stderr == "\(Prefix.fatal)while reading input: invalid answer: \"maybe\"\n")
            #expect(f.userFileBytes == before)
        }
    }

    @Test func emptyTokenAbortsSilently() async throws {
        try await EndpointFixture.with { f in
            try await f.addRemote("lib")
            let before = f.userFileBytes
            let outcome = try await runOnTerminal(
                f, ["login", "lib"], steps: [.init(waitFor: "Access Token: ", type: "")])
            #expect(outcome.result.status == 0)
            #expect(outcome.result.stderr == "Access Token: ")
            #expect(f.userFileBytes == before)
            #expect(f.server.requests.isEmpty)
        }
    }

    @Test func addPromptsOnATerminal() async throws {
        try await EndpointFixture.with { f in
            let token = validLengthToken("add")
            f.server.configure { $0.validTokens = [token] }
            let outcome = try await runOnTerminal(
                f, ["add", "--insecure", "lib", f.uri()], steps: [.init(waitFor: "Access Token: ", type: token)])
            #expect(outcome.result.status == 0, "\(outcome.result.stderr)")
            #expect(outcome.result.stderr.hasPrefix("\(Prefix.info)Remote \"lib\" added.\nAccess Token: "))
            #expect(f.userFileText.contains("Token: \(token)\n"))
        }
    }
}
