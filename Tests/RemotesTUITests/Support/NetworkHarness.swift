import Foundation
import RemotesCore
import RemotesNetwork
import RemotesTestSupport

@testable import RemotesTUI

/// The real event loop on a `MemoryScreen` over the real `NetworkServices`, talking to an
/// `EndpointTestServer` on 127.0.0.1. The user file has `lab` (an endpoint of the server, with
/// the server as its only keyserver), `down` (a port where nothing listens) and a registry
/// login; registry secrets go to a private docker config.
@MainActor
final class NetworkHarness {
    let server: EndpointTestServer
    let fixture: Fixture
    /// The port of the `down` remote, refused for as long as the harness lives.
    let closedPort: ClosedPort
    let services: NetworkServices
    let harness: Harness

    /// A token the server accepts.
    static let goodToken = "tui-good-token-" + String(repeating: "g", count: 40)

    /// Starts on `server`, which is running.
    init(server: EndpointTestServer, fetcher: HTTPFetcher, size: ScreenSize) throws {
        self.server = server
        closedPort = try ClosedPort()
        let keyserver = server.baseURL
        fixture = try Fixture(
            user: """
                Active: lab
                Remotes:
                    down:
                        URI: 127.0.0.1:\(closedPort.port)/ep
                        System: false
                        Exclusive: false
                        Insecure: true
                    lab:
                        URI: \(server.endpointAddress(prefix: "/ep"))
                        System: false
                        Exclusive: false
                        Insecure: true
                        Keyservers:
                            - URI: \(keyserver)
                              Skip: false
                              External: true
                              Insecure: false
                Credentials:
                    - URI: docker://registry.example.com
                      Insecure: false

                """)
        let environment = ["DOCKER_CONFIG": fixture.home + "/docker", "PATH": "/usr/bin:/bin"]
        services = NetworkServices(store: fixture.store(), fetcher: fetcher, environment: environment)
        harness = Harness(fixture, size: size, services: services)
    }

    /// Runs `body` with a server accepting `goodToken` (misbehaving at `misbehaviours`, its
    /// `/pks/lookup` wanting `keyserverCredentials` when given) and a harness over it; stops the
    /// server and the HTTP client afterwards, also when `body` throws.
    static func with(
        size: ScreenSize = ScreenSize(width: 80, height: 24), timeout: Duration = SanitizerSlack.scaled(.seconds(5)),
        misbehaviours: [PathMatch: Misbehaviour] = [:], keyserverCredentials: BasicCredentials? = nil,
        _ body: (NetworkHarness) async throws -> Void
    ) async throws {
        let fetcher = try HTTPFetcher(settings: HTTPSettings(connectTimeout: timeout, totalTimeout: timeout))
        do {
            try await EndpointTestServer.with { server in
                server.configure {
                    $0.validTokens = [goodToken]
                    $0.misbehaviours = misbehaviours
                    $0.keyserverCredentials = keyserverCredentials
                }
                try await body(try NetworkHarness(server: server, fetcher: fetcher, size: size))
            }
        } catch {
            await fetcher.shutdown()
            throw error
        }
        await fetcher.shutdown()
    }

    /// The user file's bytes.
    var userBytes: [UInt8] { FileManager.default.contents(atPath: fixture.locations.userFile).map { Array($0) } ?? [] }

    /// Takes task results until no task runs (about 5 s at most).
    func settle() async {
        await harness.pump { harness.state.tasks.isEmpty && harness.loop.runningTaskCount == 0 }
    }

    /// True when `needle` was on any frame drawn so far.
    func everShown(_ needle: String) -> Bool { harness.screen.frames.contains { $0.contains(needle) } }
}
