import Foundation
import RemotesTestSupport
import Testing

/// `remotes login/logout docker://…` against Debian's docker-registry in its three modes; every
/// stored login is proven with skopeo.
@Suite("remotes login: OCI registries")
struct RegistryLoginE2ETests {
    @Test(
        "Basic auth: bad is refused and changes nothing; good is stored, listed, usable, and logged out",
        .enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .htpasswd, .skopeo, .python3Cryptography)))
    func basic() async throws {
        try await RegistryPeer.with(.basic(username: "alice", password: "s3cret-basic")) { registry in
            let sandbox = try CLISandbox()
            let uri = "docker://\(registry.address)"
            let dockerConfig = sandbox.folder.path("home/.docker/config.json")

            let bad = try await sandbox.run(
                ["--batch", "login", "--username", "alice", "--password-stdin", uri], stdin: "wrong-password\n")
            #expect(bad.status == 1)
            #expect(
                bad.stderr.contains(
                    "FATAL:   while login to \(uri): the registry rejected the credentials: GET http://\(registry.address)/v2/ answered 401 Unauthorized"
                ))
            #expect(bad.stdout.isEmpty)
            LoginExpectations.noSecret("wrong-password", in: bad)
            #expect(sandbox.read(dockerConfig) == nil)
            #expect(sandbox.read(sandbox.userFile) == nil)

            let good = try await sandbox.run(
                ["--batch", "login", "-u", "alice", "--password-stdin", uri], stdin: "s3cret-basic\n")
            #expect(good.status == 0, "\(good.stderr)")
            #expect(
                good.stderr
                    == "INFO:    Token stored in \(dockerConfig)\nINFO:    Token stored in \(sandbox.userFile)\n")
            #expect(good.stdout.isEmpty)
            LoginExpectations.noSecret("s3cret-basic", in: good)
            let auths = try #require(LoginExpectations.auths(sandbox.read(dockerConfig)))
            #expect(
                (auths[registry.address] as? [String: Any])?["auth"] as? String
                    == LoginExpectations.basicToken("alice", "s3cret-basic"))
            #expect(sandbox.mode(dockerConfig) == 0o600)
            let yaml = try #require(sandbox.read(sandbox.userFile))
            #expect(yaml.contains("Credentials:\n    - URI: \(uri)\n      Insecure: false\n"))
            #expect(!yaml.contains("s3cret"))

            let list = try await sandbox.run(["--batch", "list"])
            #expect(list.stdout.contains("Authenticated Logins"))
            #expect(list.stdout.contains(uri))
            let json = try await sandbox.run(["--batch", "list", "--format", "json"])
            let logins = try #require(LoginExpectations.object(json.stdout)?["logins"] as? [[String: Any]])
            #expect(logins.count == 1)
            #expect(logins.first?["uri"] as? String == uri)
            #expect(logins.first?["kind"] as? String == "registry")
            LoginExpectations.noSecret("s3cret-basic", in: json)
            LoginExpectations.noSecret(LoginExpectations.basicToken("alice", "s3cret-basic"), in: json)

            try await RegistryClient.proveLogin(registry: registry.address, authFile: dockerConfig, sandbox: sandbox)

            let logout = try await sandbox.run(["--batch", "logout", uri])
            #expect(logout.status == 0)
            #expect(logout.stderr == "INFO:    Token removed from \(dockerConfig)\nINFO:    Logout succeeded\n")
            #expect(LoginExpectations.auths(sandbox.read(dockerConfig))?[registry.address] == nil)
            #expect(!(sandbox.read(sandbox.userFile) ?? "").contains("Credentials"))

            let again = try await sandbox.run(["--batch", "logout", uri])
            #expect(again.status == 0)
            #expect(
                again.stderr
                    == "WARNING: There is no existing login to registry \"\(registry.address)\".\nINFO:    Logout succeeded\n"
            )
        }
    }

    @Test(
        "token auth: the token server's refusal is quoted; a good login is usable with skopeo",
        .enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .python3Cryptography, .openssl, .skopeo)))
    func token() async throws {
        try await TokenServerPeer.with(username: "bob", password: "s3cret-token") { tokens in
            try await RegistryPeer.with(.token(tokens)) { registry in
                let sandbox = try CLISandbox()
                let uri = "oras://\(registry.address)"
                let dockerConfig = sandbox.folder.path("home/.docker/config.json")
                let bad = try await sandbox.run(
                    ["--batch", "login", "-u", "bob", "--password-stdin", uri], stdin: "nope-nope")
                #expect(bad.status == 1)
                #expect(bad.stderr.contains("the token server rejected the credentials"))
                #expect(bad.stderr.contains("401 Unauthorized (invalid credentials)"))
                #expect(sandbox.read(dockerConfig) == nil)
                #expect(sandbox.read(sandbox.userFile) == nil)

                let good = try await sandbox.run(
                    ["--batch", "login", "-u", "bob", "--password-stdin", uri], stdin: "s3cret-token\n")
                #expect(good.status == 0, "\(good.stderr)")
                #expect(good.stderr.components(separatedBy: "INFO:    Token stored in").count == 3)
                LoginExpectations.noSecret("s3cret-token", in: good)
                #expect(tokens.requestLog.contains { $0.hasSuffix("200 user=bob") })
                #expect((sandbox.read(sandbox.userFile) ?? "").contains("- URI: \(uri)\n"))
                try await RegistryClient.proveLogin(
                    registry: registry.address, authFile: dockerConfig, sandbox: sandbox)
            }
        }
    }

    @Test(
        "TLS: verified with --ca-file; untrusted without it; --insecure skips verification",
        .enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .htpasswd, .openssl, .skopeo, .python3Cryptography)))
    func tls() async throws {
        let certificates = try await TestCertificates.shared()
        try await RegistryPeer.with(.tls(certificates, username: "alice", password: "s3cret-tls")) { registry in
            let sandbox = try CLISandbox()
            let uri = "docker://\(registry.address)"
            let dockerConfig = sandbox.folder.path("home/.docker/config.json")

            let untrusted = try await sandbox.run(
                ["--batch", "login", "-u", "alice", "--password-stdin", uri], stdin: "s3cret-tls")
            #expect(untrusted.status == 1)
            #expect(
                untrusted.stderr.contains("certificate is not trusted (add its CA with --ca-file or SSL_CERT_FILE)"))
            #expect(sandbox.read(dockerConfig) == nil)

            let bad = try await sandbox.run(
                ["--batch", "--ca-file", certificates.caCertificate, "login", "-u", "alice", "--password-stdin", uri],
                stdin: "bad-tls")
            #expect(bad.status == 1)
            #expect(bad.stderr.contains("GET https://\(registry.address)/v2/ answered 401 Unauthorized"))
            #expect(sandbox.read(dockerConfig) == nil)

            let good = try await sandbox.run(
                ["--batch", "--ca-file", certificates.caCertificate, "login", "-u", "alice", "--password-stdin", uri],
                stdin: "s3cret-tls")
            #expect(good.status == 0, "\(good.stderr)")
            #expect((sandbox.read(sandbox.userFile) ?? "").contains("- URI: \(uri)\n      Insecure: false\n"))

            let insecure = try await sandbox.run(
                ["--batch", "login", "--insecure", "-u", "alice", "--password-stdin", uri], stdin: "s3cret-tls")
            #expect(insecure.status == 0, "\(insecure.stderr)")
            #expect((sandbox.read(sandbox.userFile) ?? "").contains("- URI: \(uri)\n      Insecure: true\n"))
            #expect((sandbox.read(sandbox.userFile) ?? "").components(separatedBy: "- URI:").count == 2)
            try await RegistryClient.proveLogin(registry: registry.address, authFile: dockerConfig, sandbox: sandbox)
        }
    }

    @Test(
        "a credential helper named in credHelpers gets the secret, skopeo uses it, logout erases it",
        .enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .htpasswd, .python3Cryptography, .skopeo)))
    func credentialHelper() async throws {
        try await RegistryPeer.with(.basic(username: "alice", password: "s3cret-helper")) { registry in
            let sandbox = try CLISandbox()
            let uri = "docker://\(registry.address)"
            let data = try sandbox.folder.makeFolder("helper-data")
            let dockerConfig = sandbox.folder.path("home/.docker/config.json")
            try sandbox.write(
                dockerConfig, #"{"credHelpers": {"\#(registry.address)": "remotestest"}, "psFormat": "x"}"#,
                mode: 0o600)
            let environment = DockerCredentialHelper.environment(
                dataFolder: data, base: sandbox.environment())

            let good = try await sandbox.run(
                ["--batch", "login", "-u", "alice", "--password-stdin", uri], stdin: "s3cret-helper",
                environment: environment)
            #expect(good.status == 0, "\(good.stderr)")
            #expect(good.stderr.contains("INFO:    Token stored in docker-credential-remotestest"))
            LoginExpectations.noSecret("s3cret-helper", in: good)
            let file = try #require(sandbox.read(dockerConfig))
            #expect(!file.contains(LoginExpectations.basicToken("alice", "s3cret-helper")))
            #expect(!file.contains("s3cret-helper"))
            #expect((LoginExpectations.auths(file)?[registry.address] as? [String: Any])?.isEmpty == true)
            #expect(LoginExpectations.object(file)?["psFormat"] as? String == "x")
            #expect((sandbox.read(data + "/credentials.json") ?? "").contains("s3cret-helper"))
            #expect(DockerCredentialHelper.calls(dataFolder: data) == ["store \(registry.address)"])

            try await RegistryClient.proveLogin(
                registry: registry.address, authFile: dockerConfig, sandbox: sandbox,
                environment: ["PATH": environment["PATH"] ?? "", DockerCredentialHelper.dataFolderVariable: data])

            let logout = try await sandbox.run(["--batch", "logout", uri], environment: environment)
            #expect(logout.status == 0, "\(logout.stderr)")
            #expect(logout.stderr.contains("INFO:    Token removed from docker-credential-remotestest"))
            #expect(!(sandbox.read(data + "/credentials.json") ?? "").contains("s3cret-helper"))
            #expect(DockerCredentialHelper.calls(dataFolder: data).last == "erase \(registry.address)")
        }
    }

    @Test("Docker Hub: logout finds the https://index.docker.io/v1/ entry that login writes (offline)")
    func dockerHubNaming() async throws {
        let sandbox = try CLISandbox()
        let dockerConfig = sandbox.folder.path("home/.apptainer/docker-config.json")
        try sandbox.write(
            dockerConfig, #"{"auths": {"https://index.docker.io/v1/": {"auth": "YTpi"}, "ghcr.io": {"auth": "YTpi"}}}"#,
            mode: 0o600)
        try sandbox.write(
            sandbox.userFile,
            "Active: \"\"\nRemotes: {}\nCredentials:\n    - URI: docker://docker.io\n      Insecure: false\n",
            mode: 0o600)
        let logout = try await sandbox.run(["--batch", "logout", "docker://index.docker.io"])
        #expect(logout.status == 0, "\(logout.stderr)")
        #expect(logout.stderr == "INFO:    Token removed from \(dockerConfig)\nINFO:    Logout succeeded\n")
        #expect(LoginExpectations.auths(sandbox.read(dockerConfig))?.keys.sorted() == ["ghcr.io"])
        #expect(!(sandbox.read(sandbox.userFile) ?? "").contains("docker.io"))
    }

    @Test("--authfile and APPTAINER_AUTH_FILE: the secret goes there and remote.yaml is left alone")
    func explicitAuthFile() async throws {
        try await EndpointTestServer.with { server in
            server.misbehave(.custom(status: 200, headers: [:], body: "{}"), at: .exact("/v2/"))
            let sandbox = try CLISandbox()
            let address = "127.0.0.1:\(server.port ?? 0)"
            let authFile = sandbox.folder.path("auth.json")
            let flag = try await sandbox.run(
                ["--batch", "login", "--authfile", authFile, "-u", "u", "--password-stdin", "docker://\(address)"],
                stdin: "pw-auth")
            #expect(flag.status == 0, "\(flag.stderr)")
            #expect(
                flag.stderr.contains(
                    "WARNING: The registry at http://\(address) answered without asking for credentials"))
            #expect(flag.stderr.hasSuffix("INFO:    Token stored in \(authFile)\n"))
            #expect(LoginExpectations.auths(sandbox.read(authFile))?[address] != nil)
            #expect(sandbox.read(sandbox.userFile) == nil)

            let envFile = sandbox.folder.path("env-auth.json")
            let env = try await sandbox.run(
                ["--batch", "login", "-u", "u", "--password-stdin", "docker://\(address)"], stdin: "pw-auth",
                environment: ["APPTAINER_AUTH_FILE": envFile])
            #expect(env.status == 0, "\(env.stderr)")
            #expect(LoginExpectations.auths(sandbox.read(envFile))?[address] != nil)
            #expect(sandbox.read(sandbox.userFile) == nil)
            let logout = try await sandbox.run(["--batch", "logout", "--authfile", authFile, "docker://\(address)"])
            #expect(logout.stderr == "INFO:    Token removed from \(authFile)\nINFO:    Logout succeeded\n")
            #expect(LoginExpectations.auths(sandbox.read(authFile))?.isEmpty == true)
        }
    }

    @Test("a docker config that does not parse is refused and left as it was")
    func brokenDockerConfig() async throws {
        let sandbox = try CLISandbox()
        let dockerConfig = sandbox.folder.path("home/.docker/config.json")
        try sandbox.write(dockerConfig, "{\"auths\": {", mode: 0o600)
        let result = try await sandbox.run(
            ["--batch", "login", "-u", "u", "--password-stdin", "docker://127.0.0.1:1"], stdin: "pw-broken")
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(dockerConfig) is not valid JSON"))
        #expect(sandbox.read(dockerConfig) == "{\"auths\": {")
    }

    @Test("registry names with a path, and other schemes, are refused before anything is asked")
    func refusedNames() async throws {
        let sandbox = try CLISandbox()
        let path = try await sandbox.run(
            ["--batch", "login", "-u", "u", "--password-stdin", "docker://127.0.0.1:1/library/alpine"], stdin: "pw")
        #expect(path.status == 64)
        #expect(
            path.stderr
                == "FATAL:   while login to docker://127.0.0.1:1/library/alpine: registries must be valid RFC 3986 URI authorities: 127.0.0.1:1/library/alpine\n"
        )
        let scheme = try await sandbox.run(["--batch", "login", "-u", "u", "--password-stdin", "ftp://h"], stdin: "pw")
        #expect(scheme.status == 64)
        #expect(scheme.stderr == "FATAL:   while login to ftp://h: ftp transport is not supported\n")
        let noUser = try await sandbox.run(["--batch", "login", "--password-stdin", "oras://h"], stdin: "pw")
        #expect(noUser.status == 64)
        #expect(noUser.stderr == "FATAL:   while login to oras://h: Docker/OCI registry requires a username\n")
        #expect(sandbox.read(sandbox.userFile) == nil)
    }
}
