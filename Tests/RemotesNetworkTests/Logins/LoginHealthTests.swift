import Foundation
import RemotesCore
import RemotesJSON
import RemotesTestSupport
import Testing

@testable import RemotesNetwork

extension LoginSandbox {
    /// A login re-check over the sandbox's files.
    func healthCheck(environment: [String: String] = ["PATH": "/usr/bin:/bin"]) -> LoginService {
        LoginService(
            store: ConfigStore(locations: locations, isRoot: false), fetcher: fetcher, environment: environment,
            helperTimeout: SanitizerSlack.scaled(.seconds(20)))
    }

    /// Every stored login, re-checked.
    func checkAll(environment: [String: String] = ["PATH": "/usr/bin:/bin"]) async throws -> [LoginHealth] {
        let check = healthCheck(environment: environment)
        return await check.checkAll(try check.storedLogins().logins)
    }
}

/// Stored logins re-checked against real servers: Debian's docker-registry (htpasswd and token
/// auth), the test credential helper, and keyservers.
@Suite("Stored logins re-checked against real servers")
struct LoginHealthTests {
    @Test(
        "htpasswd registry: valid; rejected after the password changes; unreachable once stopped",
        .enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .htpasswd)))
    func basic() async throws {
        let registry = try await RegistryPeer.start(.basic(username: "alice", password: "pw-before"))
        try await LoginSandbox.with { sandbox in
            let uri = "docker://\(registry.address)"
            _ = try await sandbox.service().login(LoginRequest(uri: uri, username: "alice", password: "pw-before"))
            let valid = try await sandbox.checkAll()
            #expect(valid.map(\.status) == [.valid])
            #expect(valid.first?.username == "alice")
            #expect(valid.first?.login.place == .file(sandbox.dockerConfig))
            #expect(valid.first?.reason == "\(registry.baseURL)/v2/ accepted the credentials (Basic)")

            try await registry.changePassword(to: "pw-after")
            let rejected = try await sandbox.checkAll()
            #expect(rejected.map(\.status) == [.rejected])
            #expect(rejected.first?.reason.hasPrefix(RegistryCredentialCheck.registryRejected) == true)
            #expect(!(rejected.first?.reason.contains("pw-before") ?? true))

            await registry.stop()
            let unreachable = try await sandbox.checkAll()
            #expect(unreachable.map(\.status) == [.unreachable])
            #expect(unreachable.first?.reason.contains("refused") == true)
            #expect(LoginHealth.exitCategory(unreachable) == .unavailable)
            #expect(LoginHealth.exitCategory(rejected + unreachable) == .failed)
            #expect(LoginHealth.exitCategory(valid) == nil)
            // Nothing was written by the checks.
            #expect(try sandbox.credentials() == [Credential(uri: uri)])
        }
        if registry.isRunning { await registry.stop() }
    }

    @Test(
        "token registry: the token server issues a token (valid), then refuses a changed password (rejected)",
        .enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .python3Cryptography, .openssl)))
    func token() async throws {
        try await TokenServerPeer.with(username: "bob", password: "tok-before") { tokens in
            try await RegistryPeer.with(.token(tokens)) { registry in
                try await LoginSandbox.with { sandbox in
                    let uri = "oras://\(registry.address)"
                    _ = try await sandbox.service().login(
                        LoginRequest(uri: uri, username: "bob", password: "tok-before"))
                    let valid = try await sandbox.checkAll()
                    #expect(valid.map(\.status) == [.valid])
                    #expect(
                        valid.first?.reason == "the token server \(tokens.realm) issued a token for the credentials")

                    try tokens.changePassword(to: "tok-after")
                    let rejected = try await sandbox.checkAll()
                    #expect(rejected.map(\.status) == [.rejected])
                    #expect(rejected.first?.reason.hasPrefix(RegistryCredentialCheck.tokenServerRejected) == true)
                    #expect(tokens.requestLog.last?.hasSuffix("401 user=-") == true)
                }
            }
        }
    }

    @Test(
        "a credential helper: the user comes from its get; an erased entry is missing; a shadowed copy is checked too",
        .enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .htpasswd, .python3Cryptography)))
    func helper() async throws {
        try await RegistryPeer.with(.basic(username: "carol", password: "pw-carol")) { registry in
            try await LoginSandbox.with { sandbox in
                let data = try sandbox.folder.makeFolder("helper-data")
                _ = try sandbox.folder.makeFolder("home/.apptainer", mode: 0o700)
                _ = try sandbox.folder.write(
                    #"{"credsStore": "remotestest"}"#, to: "home/.apptainer/docker-config.json", mode: 0o600)
                // An old plain login in docker's own file, which Apptainer no longer reads.
                let old = AuthorizationHeader.basicToken(username: "carol", password: "pw-old")
                _ = try sandbox.folder.makeFolder("home/.docker", mode: 0o700)
                _ = try sandbox.folder.write(
                    #"{"auths":{"\#(registry.address)":{"auth":"\#(old)"}}}"#, to: "home/.docker/config.json",
                    mode: 0o600)
                let environment = DockerCredentialHelper.environment(dataFolder: data, base: ["PATH": "/usr/bin:/bin"])
                let uri = "docker://\(registry.address)"
                _ = try await sandbox.service(environment: environment).login(
                    LoginRequest(uri: uri, username: "carol", password: "pw-carol"))
                let results = try await sandbox.checkAll(environment: environment)
                let apptainerFile = sandbox.folder.path("home/.apptainer/docker-config.json")
                #expect(results.map(\.status) == [.valid, .rejected])
                #expect(results[0].login.place == .helper(name: "remotestest", config: apptainerFile))
                #expect(results[0].username == "carol")
                #expect(results[1].login.shadowedBy == apptainerFile && !results[1].login.isRecorded)
                #expect(DockerCredentialHelper.calls(dataFolder: data).contains("get \(registry.address)"))

                _ = try await DockerCredentialHelperCalls.erase(registry.address, environment: environment)
                let missing = try await sandbox.checkAll(environment: environment)
                #expect(missing.first?.status == .missing)
                #expect(missing.first?.reason == "docker-credential-remotestest has no login for \(registry.address)")
                #expect(LoginHealth.exitCategory(missing) == .failed)
            }
        }
    }

    @Test(
        "keyservers: Basic valid, a far JWT valid with its date, a JWT past its exp expired, a changed password rejected"
    )
    func keyservers() async throws {
        let now = TokenExpiry.now()
        let past = TestJWT.make(exp: now - 3 * 86_400)
        let far = TestJWT.make(exp: now + 400 * 86_400 + 60)
        var configuration = EndpointConfiguration()
        configuration.keyserverCredentials = BasicCredentials(username: "kim", password: "kpw")
        configuration.keyserverTokens = [far]
        try await EndpointTestServer.with(configuration: configuration) { server in
            try await EndpointTestServer.with(configuration: configuration) { other in
                try await LoginSandbox.with { sandbox in
                    // Logins are kept per scheme and host: 127.0.0.1 and localhost are two keyservers.
                    let basic = server.baseURL
                    let bearer = basic.replacingOccurrences(of: "127.0.0.1", with: "localhost")
                    let stale = other.baseURL
                    try sandbox.configureKeyservers([(basic, false), (bearer, false), (stale, false)])
                    let service = sandbox.service()
                    _ = try await service.login(LoginRequest(uri: basic, username: "kim", password: "kpw"))
                    _ = try await service.login(LoginRequest(uri: bearer, username: "", password: far))
                    // Stored by hand: a Bearer token past its exp, which the server does not accept.
                    var text = try #require(sandbox.read(sandbox.userFile))
                    text += "    - URI: \(stale)\n      Auth: Bearer \(past)\n      Insecure: false\n"
                    _ = try sandbox.folder.write(text, to: "home/.apptainer/remote.yaml", mode: 0o600)
                    let results = try await sandbox.checkAll()
                    #expect(results.map(\.status) == [.valid, .valid, .expired])
                    #expect(results[0].username == "kim")
                    #expect(results[1].tokenExpiry?.expires == now + 400 * 86_400 + 60)
                    #expect(results[1].reason.hasSuffix("(in 400 days)"))
                    #expect(results[2].reason.contains("401 Unauthorized"))
                    #expect(results[2].reason.contains("(3 days ago)"))
                    #expect(!results.contains { $0.reason.contains(far) || $0.reason.contains(past) })

                    server.configure {
                        $0.keyserverCredentials = BasicCredentials(username: "kim", password: "changed")
                    }
                    let rejected = try await sandbox.checkAll()
                    #expect(rejected.first?.status == .rejected)
                }
            }
        }
    }

    @Test("sks over hkp:// accepts the stored login", .enabled(if: PeerAvailability.shouldRun(.sks)))
    func sks() async throws {
        try await KeyserverPeer.with { keyserver in
            try await LoginSandbox.with { sandbox in
                try sandbox.configureKeyservers([(keyserver.hkpURL, false)])
                _ = try await sandbox.service().login(
                    LoginRequest(uri: keyserver.hkpURL, username: "alice", password: "pw-sks"))
                let results = try await sandbox.checkAll()
                #expect(results.map(\.status) == [.valid])
                #expect(results.first?.login.place == .file(sandbox.userFile))
            }
        }
    }
}

/// JWTs for tests: a header, the claims and a fake signature (nothing checks it but a server).
enum TestJWT {
    static func make(exp: Int64, iat: Int64? = nil) -> String {
        func part(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        let claims = iat.map { #"{"sub":"test","exp":\#(exp),"iat":\#($0)}"# } ?? #"{"sub":"test","exp":\#(exp)}"#
        return part(#"{"alg":"RS256","typ":"JWT"}"#) + "." + part(claims) + ".c2lnbmF0dXJlLW5vdC1jaGVja2Vk"
    }
}

/// Calls the test helper directly, as another program would.
enum DockerCredentialHelperCalls {
    static func erase(_ server: String, environment: [String: String]) async throws -> Bool {
        try await CredentialHelper(name: DockerCredentialHelper.name, environment: environment).erase(server: server)
    }
}
