import Foundation
import RemotesCore
import RemotesNetwork
import RemotesTestSupport
import Testing

/// `remote status` checks: services, token, identity, several remotes at once, cancellation.
struct StatusCheckerTests {
    @Test func healthyEndpointWithValidToken() async throws {
        let sandbox = try NetworkSandbox()
        let token = longToken("good")
        try await EndpointTestServer.with { server in
            server.configure {
                $0.validTokens = [token]
                $0.versions = [.library: "v2.0.0"]
            }
            let report = try await sandbox.withDiscovery { discovery in
                await StatusChecker(discovery: discovery).check(
                    NamedRemote(name: "lib", remote: endpointRemote(server, token: token)))
            }
            #expect(report.discoveryError == nil)
            #expect(report.origin == .network)
            #expect(report.services.map(\.displayName) == ["Builder", "Consent", "Keyserver", "Library", "Token"])
            #expect(report.services.allSatisfy { $0.isOK })
            #expect(report.services.first { $0.key == "library" }?.version == "v2.0.0")
            #expect(report.services.first { $0.key == "token" }?.uri == server.baseURL + "/ep/token")
            #expect(report.token == .valid)
            #expect(report.identity == UserIdentity(username: "alice", email: "alice@example.org"))
            #expect(report.isHealthy)
            #expect(server.requests(pathSuffix: "/version").allSatisfy { $0.authorization == nil })
        }
    }

    @Test func brokenServiceIsNotAvailableWithTheReason() async throws {
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with { server in
            server.misbehave(.status(500), at: .suffix("/builder/version"))
            server.misbehave(.invalidJSON, at: .suffix("/consent/version"))
            server.misbehave(.status(200, body: #"{"error":{"code":1,"message":"x"}}"#), at: .suffix("/keys/version"))
            let report = try await sandbox.withDiscovery { discovery in
                await StatusChecker(discovery: discovery).check(
                    NamedRemote(name: "lib", remote: endpointRemote(server)))
            }
            let byKey = Dictionary(uniqueKeysWithValues: report.services.map { ($0.key, $0) })
            #expect(
                byKey["builder"]?.state == .unavailable(reason: "error response from server: 500 Internal Server Error")
            )
            #expect(
                byKey["consent"]?.state == .unavailable(reason: "jsonresp: failed to unmarshal response: invalid JSON"))
            #expect(byKey["keyserver"]?.state == .unavailable(reason: "the service answered with an error"))
            #expect(byKey["library"]?.isOK == true)
            #expect(report.failedServices.map(\.key) == ["builder", "consent", "keyserver"])
            #expect(report.token == .absent)
            #expect(report.identity == nil)
            #expect(!report.isHealthy)
        }
    }

    @Test func invalidTokenAndNoIdentity() async throws {
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with { server in
            let report = try await sandbox.withDiscovery { discovery in
                await StatusChecker(discovery: discovery).check(
                    NamedRemote(name: "lib", remote: endpointRemote(server, token: longToken("bad"))))
            }
            #expect(report.token == .invalid(RemotesError(.failed, "error response from server: Invalid Credentials")))
            #expect(report.token.sentence == "Authentication token is invalid (please login again).")
            #expect(report.identity == nil)
        }
    }

    @Test func unreachableEndpointReportsDiscoveryFailure() async throws {
        let sandbox = try NetworkSandbox()
        try await ClosedPort.with { port in
            let report = try await sandbox.withDiscovery { discovery in
                await StatusChecker(discovery: discovery).check(
                    NamedRemote(
                        name: "gone", remote: Remote(uri: "http://127.0.0.1:\(port)", token: "t", insecure: true)))
            }
            #expect(
                report.discoveryError?.message
                    == "while retrieving services: error making request to server: connection to 127.0.0.1:\(port) refused"
            )
            #expect(report.services.isEmpty)
            #expect(report.token.name == "unchecked")
        }
    }

    @Test func placeholderEndpointIsExplainedNotChecked() async throws {
        let sandbox = try NetworkSandbox()
        let report = try await sandbox.withDiscovery { discovery in
            await StatusChecker(discovery: discovery).check(
                NamedRemote(name: "DefaultRemote", remote: Remote(uri: "cloud.apptainer.org", system: true)))
        }
        #expect(report.origin == .builtin)
        #expect(report.services.map(\.key) == ["keyserver"])
        #expect(
            report.services.first?.state
                == .notChecked(reason: "built into Apptainer's placeholder endpoint; not checked"))
        #expect(report.notices.first?.text.hasPrefix("cloud.apptainer.org is Apptainer's placeholder endpoint") == true)
        #expect(report.isHealthy)
    }

    @Test func allRemotesAreCheckedAtOnce() async throws {
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with { server in
            // Long enough to send 100 requests before the first answer: 8 s (4 s was once not
            // enough on a loaded 2-core machine), or 10 s × the slack under a sanitizer (ASan has
            // been seen taking 13 s to open the 100 connections).
            let delay: Duration = SanitizerSlack.factor == 1 ? .seconds(8) : SanitizerSlack.scaled(.seconds(10))
            server.misbehave(.slow(headerDelay: delay), at: .suffix("/version"))
            let targets = (1...20).map {
                NamedRemote(name: "ep\($0)", remote: endpointRemote(server, prefix: "/ep\($0)"))
            }
            let reports = try await sandbox.withDiscovery(timeout: delay + SanitizerSlack.scaled(.seconds(6))) {
                discovery in
                await StatusChecker(discovery: discovery).checkAll(targets)
            }
            #expect(reports.map(\.name) == targets.map(\.name))
            #expect(reports.allSatisfy { $0.services.count == 5 && $0.failedServices.isEmpty })
            let arrivals = server.requests(pathSuffix: "/version").map(\.arrival)
            #expect(arrivals.count == 100)
            // Every request was sent before the first answer came back (`delay` after it arrived): all
            // were in flight at once. How fast that is is measured by scripts/bench-status.sh.
            let spread = (arrivals.max() ?? .distantPast).timeIntervalSince(arrivals.min() ?? .distantPast)
            #expect(spread < Double(delay.components.seconds), "requests arrived over \(spread) s")
        }
    }

    @Test func cancellingACheckReturnsPromptly() async throws {
        let sandbox = try NetworkSandbox()
        try await EndpointTestServer.with { server in
            server.misbehave(.neverAnswer, at: .suffix("/version"))
            let timeout = SanitizerSlack.scaled(.seconds(30))
            try await sandbox.withDiscovery(timeout: timeout) { discovery in
                let checker = StatusChecker(discovery: discovery)
                let task = Task { await checker.check(NamedRemote(name: "lib", remote: endpointRemote(server))) }
                #expect(await server.waitForRequests(count: 6, timeout: .seconds(30)))
                let clock = ContinuousClock()
                let start = clock.now
                task.cancel()
                let report = await task.value
                // The requests never end on their own (`timeout`): well under that means cancelled.
                #expect(clock.now - start < timeout * 5 / 6)
                #expect(report.failedServices.count == 5)
                #expect(report.failedServices.allSatisfy { $0.problem == "cancelled" })
            }
        }
    }
}
