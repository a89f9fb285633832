import Foundation
import RemotesTestSupport
import Testing

/// `remotes status` against the test server: the table, the token line, exit codes, `--all`,
/// JSON.
struct StatusTests {
    /// Lines of a table aligned like Go's tabwriter with padding 2 (the last cell unpadded).
    static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() where index < row.count - 1 {
                widths[index] = max(widths[index], cell.count + 2)
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index < row.count - 1 ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0) : cell
            }.joined() + "\n"
        }.joined()
    }

    static func serviceRows(_ f: EndpointFixture, prefix: String = "/ep", status: [String: String] = [:]) -> [[String]]
    {
        [
            ("Builder", "builder"), ("Consent", "consent"), ("Keyserver", "keys"), ("Library", "library"),
            ("Token", "token"),
        ]
        .map { name, path in
            let state = status[name] ?? "OK"
            return [name, state, state == "OK" ? "v1.2.3" : "", f.uri(prefix) + "/" + path]
        }
    }

    @Test func healthyEndpointLoggedOut() async throws {
        try await EndpointFixture.with { f in
            try await f.addRemote("lib")
            let before = f.userFileBytes
            let result = try await f.run("status", ["lib"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stdout
                    == Self.table([["SERVICE", "STATUS", "VERSION", "URI"]] + Self.serviceRows(f))
                    + "\nNo authentication token set (logged out).\n")
            #expect(result.stderr == "\(Prefix.info)Checking status of remote: lib\n")
            #expect(f.userFileBytes == before)
            #expect(f.server.requests(pathSuffix: "/version").count == 5)
            #expect(f.server.requests.allSatisfy { $0.userAgent?.hasPrefix("remotes/") == true })
        }
    }

    @Test func healthyEndpointLoggedInShowsTheIdentity() async throws {
        try await EndpointFixture.with { f in
            let token = validLengthToken("st")
            f.server.configure { $0.validTokens = [token] }
            try await f.addRemote("lib")
            #expect(try await f.run("login", ["--tokenfile", try f.tokenFile("t", token), "lib"]).status == 0)
            let result = try await f.run("status")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stdout
                    == Self.table([["SERVICE", "STATUS", "VERSION", "URI"]] + Self.serviceRows(f))
                    + "\nLogged in as: alice <alice@example.org>\n\n\nValid authentication token set (logged in).\n")
            #expect(
                result.stderr
                    == "\(Prefix.info)Checking status of default remote.\n\(Prefix.info)Access Token Verified!\n")
            #expect(!result.stdout.contains(token) && !result.stderr.contains(token))
        }
    }

    @Test func invalidTokenFails() async throws {
        try await EndpointFixture.with { f in
            let token = validLengthToken("gone")
            f.server.configure { $0.validTokens = [token] }
            try await f.addRemote("lib")
            #expect(try await f.run("login", ["--tokenfile", try f.tokenFile("t", token), "lib"]).status == 0)
            f.server.configure { $0.validTokens = [] }
            let result = try await f.run("status", ["lib"])
            #expect(result.status == 1)
            #expect(result.stdout.hasSuffix("\nAuthentication token is invalid (please login again).\n"))
            #expect(
                result.stderr
                    == "\(Prefix.info)Checking status of remote: lib\n\(Prefix.fatal)error response from server: Invalid Credentials\n"
            )
        }
    }

    @Test func brokenServiceIsNA() async throws {
        try await EndpointFixture.with { f in
            f.server.misbehave(.status(500), at: .suffix("/builder/version"))
            try await f.addRemote("lib")
            let result = try await f.run("status", ["lib"])
            #expect(result.status == 69)
            #expect(
                result.stdout
                    == Self.table(
                        [["SERVICE", "STATUS", "VERSION", "URI"]] + Self.serviceRows(f, status: ["Builder": "N/A"]))
                    + "\nNo authentication token set (logged out).\n")
            #expect(
                result.stderr == """
                    \(Prefix.info)Checking status of remote: lib
                    \(Prefix.warning)Builder at \(f.uri())/builder: error response from server: 500 Internal Server Error

                    """)
        }
    }

    @Test func unreachableEndpoint() async throws {
        try await EndpointFixture.with { f in
            let closed = try ClosedPort()
            defer { withExtendedLifetime(closed) {} }
            let port = closed.port
            let add = try await f.run("add", ["--insecure", "--no-login", "gone", "http://127.0.0.1:\(port)/x"])
            #expect(add.status == 0)
            let result = try await f.run("status", ["gone"])
            #expect(result.status == 69)
            #expect(result.stdout == "")
            #expect(
                result.stderr == """
                    \(Prefix.info)Checking status of remote: gone
                    \(Prefix.fatal)while retrieving services: error making request to server: connection to 127.0.0.1:\(port) refused

                    """)
        }
    }

    @Test func unknownRemote() async throws {
        try await EndpointFixture.with { f in
            let result = try await f.run("status", ["nope"])
            #expect(result.status == 1)
            #expect(
                result.stderr == "\(Prefix.info)Checking status of remote: nope\n\(Prefix.fatal)nope is not a remote\n")
        }
    }

    @Test func placeholderEndpointNeedsNoNetwork() async throws {
        let sandbox = try CLISandbox()
        let result = try await sandbox.run(["status", "--batch"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                SERVICE    STATUS  VERSION  URI
                Keyserver  -                https://keys.openpgp.org

                No authentication token set (logged out).

                """)
        #expect(
            result.stderr == """
                \(Prefix.info)Checking status of default remote.
                \(Prefix.info)cloud.apptainer.org is Apptainer's placeholder endpoint: it has no library, builder or token service, and its keyserver https://keys.openpgp.org is built in, so nothing was checked over the network.

                """)
    }

    @Test func allRemotesInOneTable() async throws {
        try await EndpointFixture.with { f in
            f.server.misbehave(.status(503), at: .suffix("/ep2/token/version"))
            let token = validLengthToken("all")
            f.server.configure { $0.validTokens = [token] }
            try await f.addRemote("ep1", prefix: "/ep1")
            try await f.addRemote("ep2", prefix: "/ep2")
            #expect(try await f.run("login", ["--tokenfile", try f.tokenFile("t", token), "ep1"]).status == 0)
            let closed = try ClosedPort()
            defer { withExtendedLifetime(closed) {} }
            let port = closed.port
            #expect(
                try await f.run("add", ["--insecure", "--no-login", "gone", "http://127.0.0.1:\(port)"]).status == 0)
            let result = try await f.run("status", ["--all"])
            #expect(result.status == 69)
            var rows = [
                ["REMOTE", "SERVICE", "STATUS", "VERSION", "URI"],
                ["DefaultRemote", "Keyserver", "-", "", "https://keys.openpgp.org"],
            ]
            rows += Self.serviceRows(f, prefix: "/ep1").map { ["ep1"] + $0 }
            rows += Self.serviceRows(f, prefix: "/ep2", status: ["Token": "N/A"]).map { ["ep2"] + $0 }
            rows.append(["gone", "-", "N/A", "", "http://127.0.0.1:\(port)"])
            #expect(
                result.stdout == Self.table(rows) + """

                    DefaultRemote: No authentication token set (logged out).
                    ep1: Valid authentication token set (logged in).
                    ep2: No authentication token set (logged out).
                    gone: No authentication token set (logged out).

                    """)
            #expect(result.stderr.hasPrefix("\(Prefix.info)Checking status of all remotes.\n"))
            #expect(
                result.stderr.contains(
                    "\(Prefix.warning)ep2: Token at \(f.uri("/ep2"))/token: error response from server: 503 Service Unavailable\n"
                ))
            #expect(
                result.stderr.contains(
                    "\(Prefix.warning)gone: while retrieving services: error making request to server: connection to 127.0.0.1:\(port) refused\n"
                ))
        }
    }

    @Test func allHealthyExitsZero() async throws {
        try await EndpointFixture.with { f in
            try await f.addRemote("ep1", prefix: "/ep1")
            try await f.addRemote("ep2", prefix: "/ep2")
            let result = try await f.run("status", ["--all"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("REMOTE         SERVICE    STATUS  VERSION  URI\n"))
        }
    }

    @Test func jsonForOneAndForAll() async throws {
        try await EndpointFixture.with { f in
            let token = validLengthToken("json")
            f.server.configure { $0.validTokens = [token] }
            f.server.misbehave(.status(500), at: .suffix("/consent/version"))
            try await f.addRemote("lib")
            #expect(try await f.run("login", ["--tokenfile", try f.tokenFile("t", token), "lib"]).status == 0)
            let one = try await f.run("status", ["--format", "json", "lib"])
            #expect(one.status == 69)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
            #expect(document["healthy"] as? Bool == false)
            let remotes = try #require(document["remotes"] as? [[String: Any]])
            #expect(remotes.count == 1)
            let lib = remotes[0]
            #expect(lib["name"] as? String == "lib")
            #expect(lib["uri"] as? String == f.uri())
            #expect(lib["baseURL"] as? String == f.uri())
            #expect((lib["discovery"] as? [String: Any])?["source"] as? String == "cache")
            let tokenObject = try #require(lib["token"] as? [String: Any])
            #expect(tokenObject["state"] as? String == "valid")
            #expect(tokenObject["error"] is NSNull)
            #expect((lib["identity"] as? [String: Any])?["username"] as? String == "alice")
            let services = try #require(lib["services"] as? [[String: Any]])
            #expect(services.map { $0["name"] as? String } == ["builder", "consent", "keyserver", "library", "token"])
            let consent = services[1]
            #expect(consent["status"] as? String == "unavailable")
            #expect(consent["error"] as? String == "error response from server: 500 Internal Server Error")
            #expect(consent["version"] is NSNull)
            #expect(services[0]["version"] as? String == "v1.2.3")
            #expect(!one.stdout.contains(token))

            let all = try await f.run("status", ["--all", "--format", "json"])
            let allDocument = try #require(
                try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])
            let names = (allDocument["remotes"] as? [[String: Any]])?.map { $0["name"] as? String }
            #expect(names == ["DefaultRemote", "lib"])
            #expect(all.status == 69)
        }
    }

    @Test func statusUsesTheCacheUnlessRefresh() async throws {
        try await EndpointFixture.with { f in
            try await f.addRemote("lib")
            #expect(try await f.run("status", ["lib"]).status == 0)
            #expect(try await f.run("status", ["lib"]).status == 0)
            #expect(f.server.requests(pathSuffix: "/config.prod.json").count == 1)
            #expect(try await f.run("status", ["--refresh", "lib"]).status == 0)
            #expect(f.server.requests(pathSuffix: "/config.prod.json").count == 2)
            let cache = f.sandbox.home + "/.apptainer/remote-cache"
            let mode = try FileManager.default.attributesOfItem(atPath: cache)[.posixPermissions] as? Int
            #expect(mode == 0o700)
        }
    }

    @Test func nameAndAllTogetherIsAUsageError() async throws {
        let sandbox = try CLISandbox()
        let result = try await sandbox.run(["status", "--batch", "--all", "x"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("give a remote name or --all, not both"))
    }
}
