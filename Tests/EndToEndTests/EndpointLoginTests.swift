import Foundation
import RemotesTestSupport
import Testing

/// `remotes login` and the login step of `remotes add` against the test server.
struct EndpointLoginTests {
    @Test func addThenLoginWithAGoodToken() async throws {
        try await EndpointFixture.with { f in
            let token = validLengthToken("good")
            f.server.configure { $0.validTokens = [token] }
            let file = try f.tokenFile("token", token + "\nsecond line is ignored\n")
            let result = try await f.run("add", ["--insecure", "--tokenfile", file, "lib", f.uri()])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "")
            #expect(
                result.stderr == """
                    \(Prefix.info)Remote "lib" added.
                    \(Prefix.info)Access Token Verified!
                    \(Prefix.info)Token stored in \(f.sandbox.userFile)

                    """)
            #expect(f.userFileText.contains("Token: \(token)\n"))
            #expect(f.userFileText.contains("URI: \(f.uri())\n"))
            let check = try #require(f.server.requests(pathSuffix: "/v1/token-status").first)
            #expect(check.authorization == "Bearer \(token)")
            #expect(check.userAgent?.hasPrefix("remotes/") == true)
        }
    }

    @Test func addThenLoginWithABadTokenKeepsTheRemoteWithoutToken() async throws {
        try await EndpointFixture.with { f in
            f.server.configure { $0.validTokens = [validLengthToken("good")] }
            let bad = validLengthToken("bad")
            let file = try f.tokenFile("token", bad)
            let result = try await f.run("add", ["--insecure", "--tokenfile", file, "lib", f.uri()])
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(
                result.stderr == """
                    \(Prefix.info)Remote "lib" added.
                    \(Prefix.fatal)while verifying token: error response from server: Invalid Credentials

                    """)
            #expect(!result.stderr.contains(bad))
            #expect(f.userFileText.contains("lib:"))
            #expect(!f.userFileText.contains("Token: tok"))
        }
    }

    @Test func rejectedTokenLeavesTheFileByteIdentical() async throws {
        try await EndpointFixture.with { f in
            let old = validLengthToken("old")
            f.server.configure { $0.validTokens = [old] }
            try await f.addRemote("lib")
            let first = try await f.run("login", ["--tokenfile", try f.tokenFile("old", old), "lib"])
            #expect(first.status == 0, "\(first.stderr)")
            let before = try #require(f.userFileBytes)
            let result = try await f.run(
                "login", ["--tokenfile", try f.tokenFile("new", validLengthToken("new")), "lib"])
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(
                result.stderr
                    == "\(Prefix.fatal)while verifying token: error response from server: Invalid Credentials\n")
            #expect(f.userFileBytes == before)
        }
    }

    @Test func loginUsesTheDefaultRemoteWhenNoNameIsGiven() async throws {
        try await EndpointFixture.with { f in
            let token = validLengthToken("default")
            f.server.configure { $0.validTokens = [token] }
            try await f.addRemote("lib")
            let result = try await f.run("login", ["--password-stdin"], stdin: token + "\n")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stderr
                    == "\(Prefix.info)Access Token Verified!\n\(Prefix.info)Token stored in \(f.sandbox.userFile)\n")
            #expect(f.userFileText.contains("Token: \(token)\n"))
        }
    }

    @Test func stdinTokenForAdd() async throws {
        try await EndpointFixture.with { f in
            let token = "short-but-fine-on-stdin"
            f.server.configure { $0.validTokens = [token] }
            let result = try await f.run(
                "add", ["--insecure", "--password-stdin", "lib", f.uri()], stdin: token + "\r\n")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.hasSuffix("\(Prefix.info)Token stored in \(f.sandbox.userFile)\n"))
            #expect(f.userFileText.contains("Token: \(token)\n"))
        }
    }

    @Test func emptyStdinIsAUsageError() async throws {
        try await EndpointFixture.with { f in
            try await f.addRemote("lib")
            let before = f.userFileBytes
            let result = try await f.run("login", ["--password-stdin", "lib"], stdin: "")
            #expect(result.status == 64)
            #expect(result.stderr == "\(Prefix.fatal)standard input holds no token\n")
            #expect(f.userFileBytes == before)
            #expect(f.server.requests(pathSuffix: "/token-status").isEmpty)
        }
    }

    @Test(arguments: [
        (199, "while reading tokenfile: token is too short to be valid"),
        (4097, "while reading tokenfile: token is too large to be valid"),
    ])
    func tokenFileLengthLimits(length: Int, message: String) async throws {
        try await EndpointFixture.with { f in
            try await f.addRemote("lib")
            let before = f.userFileBytes
            let file = try f.tokenFile("token", validLengthToken("limit", length: length) + "\n")
            let result = try await f.run("login", ["--tokenfile", file, "lib"])
            #expect(result.status == 64)
            #expect(result.stdout == "")
            #expect(result.stderr == "\(Prefix.fatal)\(message)\n")
            #expect(f.userFileBytes == before)
            #expect(f.server.requests(pathSuffix: "/token-status").isEmpty)
        }
    }

    @Test(arguments: [200, 4096])
    func tokenFileLengthBoundsAreAccepted(length: Int) async throws {
        try await EndpointFixture.with { f in
            let token = validLengthToken("bound", length: length)
            f.server.configure { $0.validTokens = [token] }
            try await f.addRemote("lib")
            let result = try await f.run("login", ["--tokenfile", try f.tokenFile("token", token), "lib"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(f.userFileText.contains("Token: \(token)\n"))
        }
    }

    @Test func missingTokenFile() async throws {
        try await EndpointFixture.with { f in
            try await f.addRemote("lib")
            let result = try await f.run("login", ["--tokenfile", f.sandbox.folder.path("nope"), "lib"])
            #expect(result.status == 64)
            #expect(result.stderr == "\(Prefix.fatal)while reading tokenfile: authentication token file not found\n")
        }
    }

    @Test func batchNeverPrompts() async throws {
        try await EndpointFixture.with { f in
            try await f.addRemote("lib")
            let before = f.userFileBytes
            let login = try await f.run("login", ["lib"])
            #expect(login.status == 64)
            #expect(
                login.stderr
                    == "\(Prefix.fatal)no access token given (--batch never prompts): use --tokenfile FILE or --password-stdin\n"
            )
            #expect(f.userFileBytes == before)

            let add = try await f.run("add", ["--insecure", "--no-default", "other", f.uri("/other")])
            #expect(add.status == 0)
            #expect(
                add.stderr == """
                    \(Prefix.info)Remote "other" added.
                    \(Prefix.info)Not logged in: no token was given (--batch never prompts). To log in later, run 'remotes login --tokenfile FILE other' (or with --password-stdin).

                    """)
            #expect(f.server.requests.isEmpty)
        }
    }

    @Test func noLoginAndGlobalSkipTheLogin() async throws {
        try await EndpointFixture.with { f in
            let file = try f.tokenFile("token", validLengthToken("x"))
            let result = try await f.run("add", ["--insecure", "--no-login", "--tokenfile", file, "lib", f.uri()])
            #expect(result.status == 0)
            #expect(result.stderr == "\(Prefix.info)Remote \"lib\" added.\n")
            #expect(f.server.requests.isEmpty)
        }
    }

    @Test func unknownRemoteAndNoDefault() async throws {
        try await EndpointFixture.with { f in
            let unknown = try await f.run("login", ["--password-stdin", "nope"], stdin: "t")
            #expect(unknown.status == 1)
            #expect(unknown.stderr.hasPrefix("\(Prefix.fatal)nope is not a remote"))
            let withFile = try await f.run("login", ["--tokenfile", "x", "nope"])
            #expect(withFile.status == 64)
            #expect(
                withFile.stderr
                    == "\(Prefix.fatal)--tokenfile is only supported for login to a remote endpoint, not OCI (docker/oras) or keyservers\n"
            )
            try f.sandbox.write(f.sandbox.userFile, "Active: \"\"\nRemotes: {}\n", mode: 0o600)
            try f.sandbox.write(f.sandbox.systemFile, "Active: \"\"\nRemotes: {}\n")
            let noDefault = try await f.run("login", ["--password-stdin"], stdin: "t")
            #expect(noDefault.status == 1)
            #expect(noDefault.stderr == "\(Prefix.fatal)no default remote: name the remote to log in to\n")
        }
    }

    @Test func loginRefreshesDiscoveryOnlyWhenAsked() async throws {
        try await EndpointFixture.with { f in
            let token = validLengthToken("cache")
            f.server.configure { $0.validTokens = [token] }
            try await f.addRemote("lib")
            let file = try f.tokenFile("token", token)
            #expect(try await f.run("login", ["--tokenfile", file, "lib"]).status == 0)
            #expect(try await f.run("login", ["--tokenfile", file, "lib"]).status == 0)
            #expect(f.server.requests(pathSuffix: "/config.prod.json").count == 1)
            #expect(try await f.run("login", ["--refresh", "--tokenfile", file, "lib"]).status == 0)
            #expect(f.server.requests(pathSuffix: "/config.prod.json").count == 2)
        }
    }

    @Test func logoutStaysOffline() async throws {
        try await EndpointFixture.with { f in
            let token = validLengthToken("out")
            f.server.configure { $0.validTokens = [token] }
            try await f.addRemote("lib")
            #expect(try await f.run("login", ["--tokenfile", try f.tokenFile("t", token), "lib"]).status == 0)
            await f.server.stop()
            f.server.clearRequests()
            let result = try await f.run("logout", ["lib"])
            #expect(result.status == 0)
            #expect(result.stderr == "\(Prefix.info)Logout succeeded\n")
            #expect(!f.userFileText.contains(token))
            #expect(f.server.requests.isEmpty)
        }
    }
}
