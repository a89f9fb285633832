import Foundation
import RemotesCore
import RemotesTestSupport
import Testing

@testable import RemotesNetwork

/// `--insecure` on a registry login applies to the registry host named on the command line
/// only: a Bearer token realm on another host gets full TLS verification, so the Basic
/// credentials never go to a realm whose certificate was not checked. 127.0.0.2 plays the other
/// host (all of 127.0.0.0/8 is this machine on Linux); its certificate is signed by the test CA,
/// which the client is not told to trust.
@Suite("Token realm trust")
struct RealmTrustTests {
    /// A registry's 401 with a Bearer challenge naming `realm`.
    static func bearerChallenge(realm: String) -> Misbehaviour {
        .custom(
            status: 401,
            headers: [
                "Content-Type": "application/json",
                "WWW-Authenticate": #"Bearer realm="\#(realm)",service="test-registry""#,
            ],
            body: #"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#)
    }

    /// A token server's 200.
    static let issued = Misbehaviour.custom(
        status: 200, headers: ["Content-Type": "application/json"], body: #"{"token":"issued-token"}"#)

    @Test("--insecure does not switch off TLS checks for a token realm on another host")
    func realmOnAnotherHostIsVerified() async throws {
        let certificates = try await TestCertificates.shared()
        try await EndpointTestServer.with(tls: certificates.server, host: "127.0.0.2") { realm in
            realm.misbehave(Self.issued, at: .suffix("/token"))
            try await EndpointTestServer.with { registry in
                registry.misbehave(Self.bearerChallenge(realm: realm.url("/token")), at: .exact("/v2/"))
                try await LoginSandbox.with { sandbox in
                    let uri = "docker://\(registry.endpointAddress())"
                    await #expect {
                        _ = try await sandbox.service().login(
                            LoginRequest(uri: uri, username: "alice", password: "pw-alice", insecure: true))
                    } throws: { error in
                        let message = (error as? RemotesError)?.message ?? ""
                        return message.contains("TLS with 127.0.0.2:\(realm.port ?? 0) failed")
                            && message.contains("not trusted")
                    }
                    // The handshake failed, so no request (and no credential) reached the realm.
                    #expect(realm.requests.isEmpty, "the realm got \(realm.requests.map(\.target))")
                    #expect(sandbox.read(sandbox.dockerConfig) == nil)
                    #expect(sandbox.read(sandbox.userFile) == nil)
                }
            }
        }
    }

    @Test("--insecure still covers a realm on the registry's own host")
    func realmOnTheRegistryHostFollowsInsecure() async throws {
        let certificates = try await TestCertificates.shared()
        try await EndpointTestServer.with(tls: certificates.server) { registry in
            registry.misbehave(Self.bearerChallenge(realm: registry.url("/token")), at: .exact("/v2/"))
            registry.misbehave(Self.issued, at: .suffix("/token"))
            try await LoginSandbox.with { sandbox in
                let uri = "docker://\(registry.endpointAddress())"
                let report = try await sandbox.service().login(
                    LoginRequest(uri: uri, username: "alice", password: "pw-alice", insecure: true))
                guard case .registry(_, let verification, _) = report.target else {
                    Issue.record("not a registry login")
                    return
                }
                #expect(verification.method == .bearerToken(realm: registry.url("/token")))
                #expect(registry.requests(pathSuffix: "/token").count == 1)
            }
        }
    }

    @Test("without --insecure the realm on another host is verified too, and trusted with the CA")
    func realmOnAnotherHostWithItsCA() async throws {
        let certificates = try await TestCertificates.shared()
        // The test server certificate names 127.0.0.1 and localhost only, so a trusted CA is not
        // enough for 127.0.0.2: the name check still refuses it.
        try await EndpointTestServer.with(tls: certificates.server, host: "127.0.0.2") { realm in
            realm.misbehave(Self.issued, at: .suffix("/token"))
            try await EndpointTestServer.with { registry in
                registry.misbehave(Self.bearerChallenge(realm: realm.url("/token")), at: .exact("/v2/"))
                try await LoginSandbox.with(caFile: certificates.caCertificate) { sandbox in
                    let uri = "docker://\(registry.endpointAddress())"
                    await #expect {
                        _ = try await sandbox.service().login(
                            LoginRequest(uri: uri, username: "alice", password: "pw-alice", insecure: true))
                    } throws: { error in
                        ((error as? RemotesError)?.message ?? "").contains("not valid for this host name")
                    }
                    #expect(realm.requests.isEmpty)
                }
            }
        }
    }

    @Test("a plain-http realm: both on this machine, or the insecure registry's own host; nothing else")
    func plainRealmRule() throws {
        func allowed(_ realm: String, registry: String, insecure: Bool) -> Bool {
            let host = URLHost.name(of: realm)
            return
                (try? RealmPolicy.check(
                    realm: realm, scheme: String(realm.prefix { $0 != ":" }), host: host, registryHost: registry,
                    insecure: insecure)) != nil
        }
        #expect(allowed("http://127.0.0.2:5001/token", registry: "127.0.0.1", insecure: false))
        #expect(allowed("http://[::1]:5001/token", registry: "localhost", insecure: false))
        #expect(!allowed("http://127.0.0.1:5001/token", registry: "registry.example.com", insecure: false))
        #expect(!allowed("http://[::1]:5001/token", registry: "registry.example.com", insecure: true))
        #expect(allowed("http://registry.example.com:5001/token", registry: "registry.example.com", insecure: true))
        #expect(allowed("https://auth.example.com/token", registry: "registry.example.com", insecure: false))
        #expect(!allowed("http://registry.example.com:5001/token", registry: "registry.example.com", insecure: false))
        #expect(!allowed("http://auth.example.com/token", registry: "registry.example.com", insecure: true))
        #expect(!allowed("http://auth.example.com/token", registry: "registry.example.com", insecure: false))
    }
}
