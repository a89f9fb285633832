import Foundation
import RemotesCore
import RemotesJSON
import RemotesTestSupport
import Testing

@testable import RemotesNetwork

/// Registry logins against Debian's docker-registry in its three modes.
@Suite("Registry logins against real registries")
struct RegistryLoginTests {
    @Test(
        "Basic auth: a good login is checked and stored, a bad one changes nothing",
        .enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .htpasswd)))
    func basic() async throws {
        try await RegistryPeer.with(.basic(username: "alice", password: "s3cret")) { registry in
            try await LoginSandbox.with { sandbox in
                let uri = "docker://\(registry.address)"
                await #expect {
                    _ = try await sandbox.service().login(LoginRequest(uri: uri, username: "alice", password: "wrong"))
                } throws: { error in
                    let message = (error as? RemotesError)?.message ?? ""
                    return message.hasPrefix("while login to \(uri): the registry rejected the credentials")
                        && message.contains("401 Unauthorized") && !message.contains("wrong")
                }
                #expect(sandbox.read(sandbox.dockerConfig) == nil)
                #expect(sandbox.read(sandbox.userFile) == nil)

                let report = try await sandbox.service().login(
                    LoginRequest(uri: uri, username: "alice", password: "s3cret"))
                guard case .registry(_, let verification, let place) = report.target else {
                    Issue.record("not a registry login")
                    return
                }
                #expect(verification == RegistryVerification(method: .basic, baseURL: registry.baseURL))
                #expect(place == .file(sandbox.dockerConfig))
                #expect(
                    report.notices == [
                        .info("Token stored in \(sandbox.dockerConfig)"), .info("Token stored in \(sandbox.userFile)"),
                    ])
                let auth = try sandbox.dockerConfigJSON()?["auths"]?[registry.address]?["auth"]
                #expect(auth == .string(AuthorizationHeader.basicToken(username: "alice", password: "s3cret")))
                #expect(try sandbox.credentials() == [Credential(uri: uri)])
                #expect(!(sandbox.read(sandbox.userFile) ?? "").contains("s3cret"))
                let mode = try FileManager.default.attributesOfItem(atPath: sandbox.dockerConfig)[.posixPermissions]
                #expect(mode as? Int == 0o600)
            }
        }
    }

    @Test(
        "token auth: the token server decides, and its answer is quoted",
        .enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .python3Cryptography, .openssl)))
    func token() async throws {
        try await TokenServerPeer.with(username: "bob", password: "pw-bob") { tokens in
            try await RegistryPeer.with(.token(tokens)) { registry in
                try await LoginSandbox.with { sandbox in
                    let uri = "oras://\(registry.address)"
                    await #expect {
                        _ = try await sandbox.service().login(LoginRequest(uri: uri, username: "bob", password: "nope"))
                    } throws: { error in
                        let message = (error as? RemotesError)?.message ?? ""
                        return message.contains("the token server rejected the credentials")
                            && message.contains("401 Unauthorized (invalid credentials)")
                            && message.contains(tokens.realm)
                    }
                    #expect(sandbox.read(sandbox.dockerConfig) == nil)

                    let report = try await sandbox.service().login(
                        LoginRequest(uri: uri, username: "bob", password: "pw-bob"))
                    guard case .registry(_, let verification, _) = report.target else {
                        Issue.record("not a registry login")
                        return
                    }
                    #expect(verification.method == .bearerToken(realm: tokens.realm))
                    #expect(
                        tokens.requestLog.contains {
                            $0.contains("service=\(tokens.service)") && $0.hasSuffix("200 user=bob")
                        })
                    #expect(!tokens.requestLog.contains { $0.contains("scope=") })
                    #expect(try sandbox.credentials() == [Credential(uri: uri)])
                }
            }
        }
    }

    @Test(
        "TLS: verified with the test CA; untrusted without it; --insecure skips the check",
        .enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .htpasswd, .openssl)))
    func tls() async throws {
        let certificates = try await TestCertificates.shared()
        try await RegistryPeer.with(.tls(certificates, username: "alice", password: "s3cret")) { registry in
            let uri = "docker://\(registry.address)"
            let request = LoginRequest(uri: uri, username: "alice", password: "s3cret")

            try await LoginSandbox.with { untrusted in
                await #expect {
                    _ = try await untrusted.service().login(request)
                } throws: { error in
                    ((error as? RemotesError)?.message ?? "").contains("certificate is not trusted")
                }
                #expect(untrusted.read(untrusted.dockerConfig) == nil)

                try await LoginSandbox.with(caFile: certificates.caCertificate) { trusted in
                    let report = try await trusted.service().login(request)
                    guard case .registry(_, let verification, _) = report.target else {
                        Issue.record("not a registry login")
                        return
                    }
                    #expect(verification == RegistryVerification(method: .basic, baseURL: registry.baseURL))
                    await #expect(throws: RemotesError.self) {
                        _ = try await trusted.service().login(
                            LoginRequest(uri: uri, username: "alice", password: "bad"))
                    }

                    var insecureRequest = request
                    insecureRequest.insecure = true
                    let insecureReport = try await untrusted.service().login(insecureRequest)
                    #expect(insecureReport.insecure)
                    #expect(try untrusted.credentials() == [Credential(uri: uri, insecure: true)])
                }
            }
        }
    }

    @Test("a registry that does not ask for credentials: stored with a warning")
    func anonymous() async throws {
        try await EndpointTestServer.with { server in
            server.misbehave(
                .custom(status: 200, headers: ["Content-Type": "application/json"], body: "{}"), at: .exact("/v2/"))
            try await LoginSandbox.with { sandbox in
                let uri = "docker://127.0.0.1:\(server.port ?? 0)"
                let report = try await sandbox.service().login(
                    LoginRequest(uri: uri, username: "u", password: "pw-123"))
                #expect(report.notices.first?.level == .warning)
                #expect(report.notices.first?.text.contains("did not check them") == true)
                #expect(try sandbox.dockerConfigJSON()?["auths"]?["127.0.0.1:\(server.port ?? 0)"] != nil)
                #expect(server.requests.allSatisfy { $0.header("authorization") == nil })
            }
        }
    }

    @Test("a 401 without a usable challenge, and other statuses, are errors that say what came back")
    func oddAnswers() async throws {
        try await EndpointTestServer.with { server in
            try await LoginSandbox.with { sandbox in
                let request = LoginRequest(
                    uri: "docker://127.0.0.1:\(server.port ?? 0)", username: "u", password: "pw-123")
                server.misbehave(
                    .custom(status: 401, headers: ["WWW-Authenticate": "Negotiate"], body: ""), at: .exact("/v2/"))
                await #expect {
                    _ = try await sandbox.service().login(request)
                } throws: { error in
                    ((error as? RemotesError)?.message ?? "").contains(
                        "without a Basic or Bearer challenge (negotiate)")
                }
                server.misbehave(.status(404, body: "404 page not found"), at: .exact("/v2/"))
                await #expect {
                    _ = try await sandbox.service().login(request)
                } throws: { error in
                    ((error as? RemotesError)?.message ?? "").contains("answered 404 Not Found (404 page not found)")
                }
                server.misbehave(
                    .custom(
                        status: 401, headers: ["WWW-Authenticate": #"Bearer realm="http://auth.example.com/token""#],
                        body: ""),
                    at: .exact("/v2/"))
                await #expect {
                    _ = try await sandbox.service().login(request)
                } throws: { error in
                    ((error as? RemotesError)?.message ?? "").contains(
                        "refusing to send the credentials over plain http")
                }
                #expect(sandbox.read(sandbox.dockerConfig) == nil)
            }
        }
    }

    @Test("plain http to a registry that is not on loopback needs --insecure")
    func noPlainHTTPElsewhere() async throws {
        try await EndpointTestServer.with { server in
            // Short: https to the plain server waits for the timeout (longer under a sanitizer).
            let timeout = SanitizerSlack.factor == 1 ? Duration.seconds(3) : SanitizerSlack.scaled(.seconds(5))
            let request = LoginRequest(
                uri: "docker://0.0.0.0:\(server.port ?? 0)", username: "u", password: "pw-123")
            try await LoginSandbox.with(timeout: timeout) { sandbox in
                // 0.0.0.0 reaches this machine but is not a loopback name: https only, so the plain
                // server never sees a request.
                await #expect(throws: RemotesError.self) { _ = try await sandbox.service().login(request) }
                #expect(server.requests.isEmpty)
            }
            // The plain-http login gets the usual timeout: a busy CI machine once took more than 3 s.
            try await LoginSandbox.with { sandbox in
                var insecure = request
                insecure.insecure = true
                await #expect {
                    _ = try await sandbox.service().login(insecure)
                } throws: { error in
                    ((error as? RemotesError)?.message ?? "").contains("answered 404 Not Found")
                }
                #expect(server.requests.map(\.path) == ["/v2/"])
            }
        }
    }

    @Test(
        "a credential helper gets the secret; the file only an empty entry; logout erases both",
        .enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .htpasswd, .python3Cryptography)))
    func helper() async throws {
        try await RegistryPeer.with(.basic(username: "alice", password: "s3cret")) { registry in
            try await LoginSandbox.with { sandbox in
                let data = try sandbox.folder.makeFolder("helper-data")
                _ = try sandbox.folder.makeFolder("home/.docker", mode: 0o700)
                _ = try sandbox.folder.write(
                    #"{"credsStore": "remotestest", "experimental": "enabled"}"#, to: "home/.docker/config.json",
                    mode: 0o600)
                let environment = DockerCredentialHelper.environment(dataFolder: data, base: ["PATH": "/usr/bin:/bin"])
                let service = sandbox.service(environment: environment)
                let uri = "docker://\(registry.address)"
                let report = try await service.login(LoginRequest(uri: uri, username: "alice", password: "s3cret"))
                #expect(report.notices.first?.text.contains("docker-credential-remotestest") == true)
                let file = try #require(sandbox.read(sandbox.dockerConfig))
                #expect(!file.contains(AuthorizationHeader.basicToken(username: "alice", password: "s3cret")))
                let json = try JSONParser.parse(file)
                #expect(json["auths"]?[registry.address] == .object([]))
                #expect(json["experimental"] == .string("enabled"))
                let stored = try #require(sandbox.read(data + "/credentials.json"))
                #expect(stored.contains("s3cret"))
                #expect(DockerCredentialHelper.calls(dataFolder: data) == ["store \(registry.address)"])

                let logout = try await service.logout(uri: uri, authFile: nil)
                #expect(logout.removedSecrets == [.helper(name: "remotestest", config: sandbox.dockerConfig)])
                #expect(logout.removedEntries == 1)
                #expect(!(sandbox.read(data + "/credentials.json") ?? "").contains("s3cret"))
                #expect(try sandbox.dockerConfigJSON()?["auths"]?[registry.address] == nil)
                let again = try await service.logout(uri: uri, authFile: nil)
                #expect(
                    again.notices.first == .warning("There is no existing login to registry \"\(registry.address)\"."))
                #expect(again.notices.last == .info("Logout succeeded"))
            }
        }
    }

    @Test("a helper that is named but not installed stops the login before the registry is asked")
    func missingHelper() async throws {
        try await EndpointTestServer.with { server in
            try await LoginSandbox.with { sandbox in
                _ = try sandbox.folder.makeFolder("home/.docker", mode: 0o700)
                _ = try sandbox.folder.write(#"{"credsStore": "absent"}"#, to: "home/.docker/config.json")
                await #expect {
                    _ = try await sandbox.service().login(
                        LoginRequest(uri: "docker://127.0.0.1:\(server.port ?? 0)", username: "u", password: "pw-123"))
                } throws: { error in
                    ((error as? RemotesError)?.message ?? "").contains("docker-credential-absent is not installed")
                }
                #expect(server.requests.isEmpty)
            }
        }
    }

    @Test("--authfile: the secret goes to that file and remote.yaml is left alone, both ways")
    func explicitAuthFile() async throws {
        try await EndpointTestServer.with { server in
            server.misbehave(.custom(status: 200, headers: [:], body: "{}"), at: .exact("/v2/"))
            try await LoginSandbox.with { sandbox in
                let authFile = sandbox.folder.path("auth/mine.json")
                let address = "127.0.0.1:\(server.port ?? 0)"
                let report = try await sandbox.service().login(
                    LoginRequest(uri: "docker://\(address)", username: "u", password: "pw-123", authFile: authFile))
                #expect(report.recordedURI == nil)
                #expect(report.notices.filter { $0.level == .info } == [.info("Token stored in \(authFile)")])
                #expect(sandbox.read(sandbox.userFile) == nil)
                #expect(try JSONParser.parse(sandbox.read(authFile) ?? "")["auths"]?[address] != nil)
                let logout = try await sandbox.service().logout(uri: "docker://\(address)", authFile: authFile)
                #expect(logout.notices == [.info("Token removed from \(authFile)"), .info("Logout succeeded")])
                #expect(sandbox.read(sandbox.userFile) == nil)
            }
        }
    }

    @Test("Docker Hub: logout finds what login stored, under any of its names")
    func dockerHubLogout() async throws {
        try await LoginSandbox.with { sandbox in
            _ = try sandbox.folder.makeFolder("home/.docker", mode: 0o700)
            _ = try sandbox.folder.write(
                #"{"auths": {"https://index.docker.io/v1/": {"auth": "YTpi"}, "other": {"auth": "YTpi"}}}"#,
                to: "home/.docker/config.json")
            try ConfigStore(locations: sandbox.locations, isRoot: false).apply(
                .storeCredential(Credential(uri: "docker://index.docker.io")))
            let report = try await sandbox.service().logout(uri: "docker://docker.io", authFile: nil)
            #expect(report.removedSecrets == [.file(sandbox.dockerConfig)])
            #expect(report.removedEntries == 1)
            #expect(try sandbox.dockerConfigJSON()?["auths"]?.members?.map(\.key) == ["other"])
            #expect(try sandbox.credentials().isEmpty)
        }
    }

    @Test("a docker config that does not parse is never overwritten")
    func brokenDockerConfig() async throws {
        try await EndpointTestServer.with { server in
            server.misbehave(.custom(status: 200, headers: [:], body: "{}"), at: .exact("/v2/"))
            try await LoginSandbox.with { sandbox in
                _ = try sandbox.folder.makeFolder("home/.docker", mode: 0o700)
                _ = try sandbox.folder.write("{\"auths\": ", to: "home/.docker/config.json")
                await #expect {
                    _ = try await sandbox.service().login(
                        LoginRequest(uri: "docker://127.0.0.1:\(server.port ?? 0)", username: "u", password: "pw-123"))
                } throws: { error in
                    let error = error as? RemotesError
                    return error?.category == .badFile && error?.message.contains(sandbox.dockerConfig) == true
                }
                #expect(sandbox.read(sandbox.dockerConfig) == "{\"auths\": ")
                #expect(server.requests.isEmpty)
            }
        }
    }
}
