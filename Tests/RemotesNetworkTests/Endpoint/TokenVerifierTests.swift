import RemotesCore
import RemotesNetwork
import RemotesTestSupport
import Testing

/// `GET <token service>/v1/token-status` with a bearer token, and Apptainer's error texts.
struct TokenVerifierTests {
    @Test func acceptedTokenIsValid() async throws {
        let sandbox = try NetworkSandbox()
        let token = longToken("good")
        try await EndpointTestServer.with { server in
            server.configure { $0.validTokens = [token] }
            try await sandbox.withDiscovery { discovery in
                try await TokenVerifier(discovery: discovery).verify(token: token, for: endpointRemote(server))
            }
            let request = try #require(server.requests(pathSuffix: "/v1/token-status").first)
            #expect(request.path == "/ep/token/v1/token-status")
            #expect(request.authorization == "Bearer " + token)
            #expect(request.userAgent == "remotes/\(RemotesVersion.current)")
        }
    }

    @Test func refusedTokenReadsInvalidCredentials() async throws {
        let sandbox = try NetworkSandbox()
        let token = longToken("bad")
        try await EndpointTestServer.with { server in
            server.configure { $0.validTokens = [longToken("good")] }
            let error = try await sandbox.withDiscovery { discovery in
                await remotesError { () throws(RemotesError) in
                    try await TokenVerifier(discovery: discovery).verify(token: token, for: endpointRemote(server))
                }
            }
            #expect(error == RemotesError(.failed, "error response from server: Invalid Credentials"))
            #expect(error?.message.contains(token) == false)
        }
    }

    @Test(arguments: [
        (500, "error response from server: Internal Server Error", RemotesError.Category.unavailable, "unchecked"),
        (401, "error response from server: Unknown (401 Unauthorized)", .failed, "invalid"),
        (503, "error response from server: Unknown (503 Service Unavailable)", .unavailable, "unchecked"),
    ])
    func otherStatusesAreMapped(status: Int, text: String, category: RemotesError.Category, state: String) async throws
    {
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with { server in
            server.misbehave(.status(status), at: .suffix("/v1/token-status"))
            let verifier = try await sandbox.withDiscovery { discovery in
                let verifier = TokenVerifier(discovery: discovery)
                let error = await remotesError { () throws(RemotesError) in
                    try await verifier.verify(token: "t", for: endpointRemote(server))
                }
                #expect(error == RemotesError(category, text))
                let tokenState = await verifier.state(
                    of: "t", tokenService: server.url("/ep/token"), remoteBaseURL: server.url("/ep"))
                #expect(tokenState.name == state)
                return verifier
            }
            _ = verifier
        }
    }

    @Test func endpointWithoutTokenServiceSaysSo() async throws {
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with { server in
            server.configure { $0.announcedServices = [.library, .keystore] }
            let error = try await sandbox.withDiscovery { discovery in
                await remotesError { () throws(RemotesError) in
                    try await TokenVerifier(discovery: discovery).verify(token: "t", for: endpointRemote(server))
                }
            }
            #expect(error?.message == "no authentication service found")
            #expect(server.requests(pathSuffix: "/token-status").isEmpty)
        }
    }

    @Test func placeholderEndpointHasNoTokenService() async throws {
        let sandbox = try NetworkSandbox()
        let error = try await sandbox.withDiscovery { discovery in
            await remotesError { () throws(RemotesError) in
                try await TokenVerifier(discovery: discovery).verify(
                    token: "t", for: Remote(uri: "cloud.apptainer.org"))
            }
        }
        #expect(
            error?.message.hasPrefix("no authentication service found: cloud.apptainer.org is Apptainer's placeholder")
                == true)
    }

    @Test func tokenStatusURLHasOneSlash() {
        #expect(TokenVerifier.statusURL(tokenService: "https://a/token/") == "https://a/token/v1/token-status")
        #expect(TokenVerifier.statusURL(tokenService: "https://a/token") == "https://a/token/v1/token-status")
    }
}
