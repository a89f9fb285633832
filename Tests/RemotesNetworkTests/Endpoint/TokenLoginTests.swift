import Foundation
import RemotesCore
import RemotesNetwork
import RemotesTestSupport
import Testing

/// Verify-then-store, the way both front ends log in.
struct TokenLoginTests {
    @Test func goodTokenIsVerifiedThenStored() async throws {
        let sandbox = try NetworkSandbox()
        let token = longToken("good")
        try await EndpointTestServer.with { server in
            server.configure { $0.validTokens = [token] }
            try sandbox.add("lib", uri: server.baseURL + "/ep", insecure: true)
            let outcome = try await sandbox.withDiscovery { discovery in
                try await TokenLogin(discovery: discovery).login(remote: "lib", token: token, store: sandbox.store)
            }
            #expect(
                outcome.notices == [
                    .info("Access Token Verified!"), .info("Token stored in \(sandbox.locations.userFile)"),
                ])
            #expect(outcome.writtenFiles == [sandbox.locations.userFile])
            #expect(try sandbox.store.load().merged.remotes["lib"]?.token == token)
        }
    }

    @Test func refusedTokenLeavesTheFileByteIdentical() async throws {
        let sandbox = try NetworkSandbox()
        let old = longToken("old")
        try await EndpointTestServer.with { server in
            server.configure { $0.validTokens = [old] }
            try sandbox.add("lib", uri: server.baseURL + "/ep", insecure: true)
            try sandbox.store.apply(.storeToken(remote: "lib", token: old))
            let before = try #require(sandbox.userFileBytes)
            let fingerprint = FileSnapshot.fingerprint(sandbox.locations.userFile)
            let error = try await sandbox.withDiscovery { discovery in
                await remotesError { () throws(RemotesError) in
                    _ = try await TokenLogin(discovery: discovery).login(
                        remote: "lib", token: longToken("new"), store: sandbox.store)
                }
            }
            #expect(
                error == RemotesError(.failed, "while verifying token: error response from server: Invalid Credentials")
            )
            #expect(sandbox.userFileBytes == before)
            #expect(FileSnapshot.fingerprint(sandbox.locations.userFile) == fingerprint)
        }
    }

    @Test func verifyReturnsTheChangeWithoutWriting() async throws {
        let sandbox = try NetworkSandbox()
        let token = longToken("tui")
        try await EndpointTestServer.with { server in
            server.configure { $0.validTokens = [token] }
            let target = NamedRemote(name: "lib", remote: endpointRemote(server))
            let verified = try await sandbox.withDiscovery { discovery in
                try await TokenLogin(discovery: discovery).verify(token: token, for: target)
            }
            #expect(verified.change == .storeToken(remote: "lib", token: token))
            #expect(verified.notices == [.info("Access Token Verified!")])
            #expect(sandbox.userFileBytes == nil)
        }
    }

    @Test func unknownRemoteIsRefusedBeforeAnyRequest() async throws {
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with { server in
            let error = try await sandbox.withDiscovery { discovery in
                await remotesError { () throws(RemotesError) in
                    _ = try await TokenLogin(discovery: discovery).login(
                        remote: "nope", token: "t", store: sandbox.store)
                }
            }
            #expect(error?.message == "nope is not a remote")
            #expect(server.requests.isEmpty)
        }
    }

    @Test func changedFilesAreNotOverwritten() async throws {
        let sandbox = try NetworkSandbox()
        let token = longToken("good")
        try await EndpointTestServer.with { server in
            server.configure { $0.validTokens = [token] }
            try sandbox.add("lib", uri: server.baseURL + "/ep", insecure: true)
            let stale = try sandbox.store.load().fingerprints
            try sandbox.add("other", uri: "other.example.org", insecure: false)
            let before = sandbox.userFileBytes
            let error = try await sandbox.withDiscovery { discovery in
                await remotesError { () throws(RemotesError) in
                    _ = try await TokenLogin(discovery: discovery).login(
                        remote: "lib", token: token, store: sandbox.store, expecting: stale)
                }
            }
            #expect(error?.category == .changedOnDisk)
            #expect(sandbox.userFileBytes == before)
        }
    }

    @Test func tokenPageFollowsInsecure() {
        #expect(
            TokenLogin.tokenPage(of: Remote(uri: "cloud.example.org/sub"))
                == "https://cloud.example.org/sub/auth/tokens")
        #expect(
            TokenLogin.tokenPage(of: Remote(uri: "http://127.0.0.1:8080", insecure: true))
                == "http://127.0.0.1:8080/auth/tokens")
    }
}
