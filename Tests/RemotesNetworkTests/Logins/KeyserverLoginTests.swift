import Foundation
import RemotesCore
import RemotesTestSupport
import Testing

@testable import RemotesNetwork

/// Keyserver logins against sks and our HKP test server that demands authentication.
@Suite("Keyserver logins")
struct KeyserverLoginTests {
    @Test(
        "sks over hkp://: the HKP statistics answer 200, the login is stored as Apptainer stores it",
        .enabled(if: PeerAvailability.shouldRun(.sks)))
    func sks() async throws {
        try await KeyserverPeer.with { keyserver in
            try await LoginSandbox.with { sandbox in
                try sandbox.configureKeyservers([(keyserver.hkpURL, false)])
                let report = try await sandbox.service().login(
                    LoginRequest(uri: keyserver.hkpURL, username: "alice", password: "s3cret"))
                #expect(report.target == .keyserver(keyserver.hkpURL))
                #expect(report.notices == [.info("Token stored in \(sandbox.userFile)")])
                #expect(
                    try sandbox.credentials() == [
                        Credential(uri: keyserver.hkpURL, auth: "Basic YWxpY2U6czNjcmV0", insecure: false)
                    ])
                let logout = try await sandbox.service().logout(uri: keyserver.hkpURL, authFile: nil)
                #expect(logout.removedEntries == 1)
                #expect(logout.notices == [.info("Logout succeeded")])
                #expect(try sandbox.credentials().isEmpty)
            }
        }
    }

    @Test("a keyserver that demands Basic auth: good, bad, and Bearer with an empty username")
    func demandingKeyserver() async throws {
        var configuration = EndpointConfiguration()
        configuration.keyserverCredentials = BasicCredentials(username: "alice", password: "s3cret")
        configuration.keyserverTokens = ["tok-123"]
        try await EndpointTestServer.with(configuration: configuration) { server in
            try await LoginSandbox.with { sandbox in
                let uri = server.baseURL
                try sandbox.configureKeyservers([(uri, false)])
                await #expect {
                    _ = try await sandbox.service().login(LoginRequest(uri: uri, username: "alice", password: "wrong"))
                } throws: { error in
                    let message = (error as? RemotesError)?.message ?? ""
                    return message
                        == "while login to \(uri): error response from server: 401 Unauthorized to GET \(uri)/pks/lookup?op=stats"
                }
                #expect(try sandbox.credentials().isEmpty)

                _ = try await sandbox.service().login(LoginRequest(uri: uri, username: "alice", password: "s3cret"))
                #expect(try sandbox.credentials() == [Credential(uri: uri, auth: "Basic YWxpY2U6czNjcmV0")])
                #expect(server.requests.last?.authorization == "Basic YWxpY2U6czNjcmV0")

                _ = try await sandbox.service().login(LoginRequest(uri: uri + "/", username: "", password: "tok-123"))
                #expect(try sandbox.credentials() == [Credential(uri: uri + "/", auth: "Bearer tok-123")])
            }
        }
    }

    @Test("a keyserver configured insecure forces an insecure login, with Apptainer's warning")
    func insecureKeyserver() async throws {
        try await EndpointTestServer.with { server in
            try await LoginSandbox.with { sandbox in
                let uri = server.baseURL
                try sandbox.configureKeyservers([(uri, true)])
                let report = try await sandbox.service().login(LoginRequest(uri: uri, username: "", password: "t"))
                #expect(
                    report.notices.first
                        == .warning("\(uri) is configured as insecure, forcing insecure flag for login"))
                #expect(report.insecure)
                #expect(try sandbox.credentials() == [Credential(uri: uri, auth: "Bearer t", insecure: true)])
            }
        }
    }

    @Test("only configured keyservers, and no plain http away from loopback")
    func refusals() async throws {
        try await LoginSandbox.with { sandbox in
            try sandbox.configureKeyservers([("http://keys.example.com", false)])
            await #expect(
                throws: RemotesError.failed(
                    "while login to https://other.example: no external keyserver configuration found for https://other.example"
                )
            ) {
                _ = try await sandbox.service().login(
                    LoginRequest(uri: "https://other.example", username: "u", password: "pw-123"))
            }
            await #expect {
                _ = try await sandbox.service().login(
                    LoginRequest(uri: "hkp://keys.example.com:80", username: "u", password: "pw-123"))
            } throws: { error in
                ((error as? RemotesError)?.message ?? "").contains("refusing to send the credentials over plain http")
            }
            let logout = try await sandbox.service().logout(uri: "https://never.example", authFile: nil)
            #expect(
                logout.notices == [
                    .warning("There is no existing login to keyserver \"https://never.example\"."),
                    .info("Logout succeeded"),
                ])
        }
    }
}
