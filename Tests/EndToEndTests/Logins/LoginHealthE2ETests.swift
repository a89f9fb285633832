import Foundation
import RemotesTestSupport
import Testing

/// Issue 15 on the command line: `registry status` and `status --logins` against a real
/// registry, `registry which`, shadowed docker config files in `list`, `logout --everywhere`,
/// and an empty `--username`.
@Suite("remotes registry status, which, logout --everywhere")
struct LoginHealthE2ETests {
    @Test(
        "registry status: valid (0), rejected after the password changed (1), unreachable once stopped (69); never the secret",
        .enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .htpasswd)))
    func registryStatus() async throws {
        let registry = try await RegistryPeer.start(.basic(username: "alice", password: "s3cret-before"))
        let box = try CLISandbox()
        let uri = "docker://\(registry.address)"
        let dockerConfig = box.home + "/.docker/config.json"
        let login = try await box.run(
            ["--batch", "login", "-u", "alice", "--password-stdin", uri], stdin: "s3cret-before")
        #expect(login.status == 0, "\(login.stderr)")

        let valid = try await box.run(["--batch", "registry", "status"])
        #expect(valid.status == 0, "\(valid.stderr)")
        #expect(
            valid.stdout
                == StatusTests.table([
                    ["URI", "KIND", "STORED IN", "USER", "STATUS", "WHY"],
                    [
                        uri, "registry", dockerConfig, "alice", "valid",
                        "\(registry.baseURL)/v2/ accepted the credentials (Basic)",
                    ],
                ]))
        let json = try await box.run(["--batch", "registry", "status", "--format", "json", uri])
        let object = try #require(LoginExpectations.object(json.stdout))
        #expect(object["healthy"] as? Bool == true)
        let entry = try #require((object["logins"] as? [[String: Any]])?.first)
        #expect(entry["status"] as? String == "valid")
        #expect(entry["username"] as? String == "alice")
        #expect((entry["storedIn"] as? [String: Any])?["path"] as? String == dockerConfig)
        #expect(entry["tokenExpires"] is NSNull)

        try await registry.changePassword(to: "s3cret-after")
        let rejected = try await box.run(["--batch", "status", "--logins"])
        #expect(rejected.status == 1)
        #expect(rejected.stdout.contains("  rejected  the registry rejected the credentials: GET "))

        await registry.stop()
        let unreachable = try await box.run(["--batch", "registry", "status"])
        #expect(unreachable.status == 69)
        #expect(unreachable.stdout.contains("  unreachable  error making request to server: connection to"))
        for result in [login, valid, json, rejected, unreachable] {
            LoginExpectations.noSecret("s3cret-before", in: result)
            LoginExpectations.noSecret(LoginExpectations.basicToken("alice", "s3cret-before"), in: result)
        }
        let none = try await box.run(["--batch", "registry", "status", "docker://elsewhere.example.com"])
        #expect(none.status == 1)
        #expect(none.stdout.contains("  missing  no stored login"))
    }

    @Test("a docker login in ~/.docker is shadowed once docker-config.json exists: list, which and status say so")
    func shadowed() async throws {
        let box = try CLISandbox()
        let auth = LoginExpectations.basicToken("dave", "pw-dave")
        let dockerConfig = box.home + "/.docker/config.json"
        let apptainerConfig = box.home + "/.apptainer/docker-config.json"
        try box.write(dockerConfig, #"{"auths":{"r.example.com":{"auth":"\#(auth)"}}}"#, mode: 0o600)
        let before = try await box.run(["--batch", "registry", "which", "docker://r.example.com/team/app:1"])
        #expect(before.status == 0)
        #expect(before.stdout.contains("Credential:  user dave, stored in \(dockerConfig) under \"r.example.com\"\n"))

        try box.write(apptainerConfig, "{}", mode: 0o600)
        let after = try await box.run(["--batch", "registry", "which", "docker://r.example.com/team/app:1"])
        #expect(
            after.stdout
                == StatusTests.table([
                    ["Reference:", "docker://r.example.com/team/app:1"], ["Registry:", "r.example.com"],
                    ["Auth file:", "\(apptainerConfig) (it exists)"],
                    ["Credential:", "none: the pull would be anonymous"],
                    [
                        "Not read:",
                        "\(dockerConfig) has a login for r.example.com (user dave): shadowed by \(apptainerConfig)",
                    ],
                ]))
        let list = try await box.run(["--batch", "list"])
        #expect(
            list.stdout.contains("docker://r.example.com  NO        \(dockerConfig) (shadowed by \(apptainerConfig))\n")
        )
        let json = try await box.run(["--batch", "list", "--format", "json"])
        let login = try #require((LoginExpectations.object(json.stdout)?["logins"] as? [[String: Any]])?.first)
        #expect(login["shadowedBy"] as? String == apptainerConfig)
        #expect(login["recorded"] as? Bool == false)
        #expect(login["username"] as? String == "dave")
        for result in [before, after, list, json] { LoginExpectations.noSecret(auth, in: result) }
    }

    @Test("logout --everywhere removes the registry from both docker config files and remote.yaml; without it only one")
    func everywhere() async throws {
        let box = try CLISandbox()
        let auth = LoginExpectations.basicToken("gus", "pw-gus")
        let dockerConfig = box.home + "/.docker/config.json"
        let apptainerConfig = box.home + "/.apptainer/docker-config.json"
        let entry = #"{"auths":{"r.example.com":{"auth":"\#(auth)"}}}"#
        try box.write(dockerConfig, entry, mode: 0o600)
        try box.write(apptainerConfig, entry, mode: 0o600)
        try box.write(
            box.userFile, "Credentials:\n    - URI: docker://r.example.com\n      Insecure: false\n", mode: 0o600)
        let plain = try await box.run(["--batch", "logout", "docker://r.example.com"])
        #expect(plain.stderr == "INFO:    Token removed from \(apptainerConfig)\nINFO:    Logout succeeded\n")
        #expect(box.read(dockerConfig)?.contains(auth) == true)

        try box.write(apptainerConfig, entry, mode: 0o600)
        try box.write(
            box.userFile, "Credentials:\n    - URI: oras://r.example.com\n      Insecure: false\n", mode: 0o600)
        let all = try await box.run(["--batch", "registry", "logout", "--everywhere", "oras://r.example.com"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(
            all.stderr
                == "INFO:    Token removed from \(apptainerConfig)\nINFO:    Token removed from \(dockerConfig)\nINFO:    Login record removed from \(box.userFile)\nINFO:    Logout succeeded\n"
        )
        #expect(box.read(dockerConfig)?.contains(auth) == false)
        #expect(box.read(apptainerConfig)?.contains(auth) == false)
        #expect(box.read(box.userFile)?.contains("Credentials") == false)
        let endpoint = try await box.run(["--batch", "logout", "--everywhere", "DefaultRemote"])
        #expect(endpoint.status == 64)
    }

    @Test("an empty --username is refused with the hint to quote $, before any request")
    func emptyUsername() async throws {
        var configuration = EndpointConfiguration()
        configuration.registryCredentials = BasicCredentials(username: "$oauthtoken", password: "pw")
        try await EndpointTestServer.with(configuration: configuration) { server in
            let box = try CLISandbox()
            let address = server.baseURL.replacingOccurrences(of: "http://", with: "")
            for arguments in [
                ["login", "-u", "", "--password-stdin", "docker://\(address)"],
                ["registry", "login", "--username", "", "--password-stdin", "oras://\(address)"],
                ["login", "--username", "", "--password-stdin", server.baseURL],
            ] {
                let result = try await box.run(["--batch"] + arguments, stdin: "pw")
                #expect(result.status == 64, "\(arguments)")
                #expect(result.stderr.contains("--username is empty"), "\(result.stderr)")
                #expect(result.stderr.contains("(-u '$oauthtoken')"))
            }
            #expect(server.requests.isEmpty)
            let quoted = try await box.run(
                ["--batch", "login", "-u", "$oauthtoken", "--password-stdin", "docker://\(address)"], stdin: "pw")
            #expect(quoted.status == 0, "\(quoted.stderr)")
        }
    }
}
