import RemotesCore
import Testing

@testable import RemotesTUI

/// Column widths follow the content and the screen (issue 14, defect 4): no column is cut while
/// another has room to spare.
@MainActor
@Suite struct ColumnLayoutTests {
    /// Three local endpoints that differ only in their port, as a developer's test servers do.
    static let sameHost = """
        Active: alpha
        Remotes:
            alpha:
                URI: http://127.0.0.1:40101/ep
                System: false
                Exclusive: false
                Insecure: true
            beta:
                URI: http://127.0.0.1:40102/ep
                System: false
                Exclusive: false
                Insecure: true
            gamma:
                URI: http://127.0.0.1:40103/ep
                System: false
                Exclusive: false
                Insecure: true

        """

    @Test func urisThatDifferInThePortShowTheirPortsAt80Columns() throws {
        let h = Harness(try Fixture(user: Self.sameHost))
        for (name, port) in [("alpha", "40101"), ("beta", "40102"), ("gamma", "40103")] {
            let row = try #require(h.screen.row(containing: " \(name) "))
            #expect(h.screen.line(row).contains("127.0.0.1:\(port)"), "\(h.screen.line(row))")
        }
    }

    @Test func at200ColumnsALongNameAndURIAreShownWhole() throws {
        let name = "a-remote-with-a-rather-long-name-for-the-lab-on-the-third-floor"
        let uri = "https://registry.department-of-physics.example.university.edu:8443/library/api/v2/endpoint"
        let yaml = """
            Active: \(name)
            Remotes:
                \(name):
                    URI: \(uri)
                    System: false
                    Exclusive: false

            """
        let h = Harness(try Fixture(user: yaml), size: ScreenSize(width: 200, height: 60))
        let row = try #require(h.screen.row(containing: "> a-remote"))
        #expect(h.screen.line(row).contains(name))
        #expect(h.screen.line(row).contains(uri))
    }

    /// A realistic mix: short and long names, URIs with ports and paths, a global remote, and
    /// status cells after `S` (one OK, one N/A with its reason, one partly OK).
    static let mixed = """
        Active: lab
        Remotes:
            lab:
                URI: lab.example.org
                System: false
                Exclusive: false
            physics-department-registry:
                URI: https://registry.physics.example.university.edu:8443/library/api
                System: false
                Exclusive: false
            local-test:
                URI: http://127.0.0.1:40101/ep
                System: false
                Exclusive: false
                Insecure: true
                Token: not-shown
        Credentials:
            - URI: docker://registry.physics.example.university.edu:5000
              Insecure: false

        """

    nonisolated static let sizes = [
        ScreenSize(width: 60, height: 16), ScreenSize(width: 80, height: 24), ScreenSize(width: 120, height: 40),
        ScreenSize(width: 200, height: 60),
    ]

    @Test(arguments: sizes) func columnsAtEverySize(size: ScreenSize) async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(user: Self.mixed), size: size, services: services)
        h.press(.character("S"))
        let names = ["DefaultRemote", "lab", "local-test", "physics-department-registry"]
        for name in names { await services.waitUntilWaiting("status:\(name)") }
        services.answer("status:DefaultRemote", with: .status(.success(EndpointStatus(summary: "built-in", ok: true))))
        services.answer("status:lab", with: .status(.success(EndpointStatus(summary: "OK", ok: true))))
        services.answer(
            "status:local-test",
            with: .status(.failure(RemotesError(.unavailable, "while retrieving services: connection refused"))))
        services.answer(
            "status:physics-department-registry",
            with: .status(.success(EndpointStatus(summary: "3/5 OK, bad token", ok: false))))
        await h.pump { h.state.tasks.isEmpty }
        assertSnapshot(h.screen, named: "columns-\(size.width)x\(size.height)")
        // With room for everything, nothing is cut.
        if size.width >= 200 {
            #expect(!h.text.contains("…"))
        }
    }

    // MARK: - The layout itself

    private func demand(_ floor: Int, _ need: Int, _ full: Int, flex: Int = 0) -> ColumnLayout.Demand {
        ColumnLayout.Demand(floor: floor, need: need, full: full, cap: nil, flex: flex)
    }

    @Test func theNarrowestGrowFirstSoNoColumnIsCutWhileAnotherHasRoom() {
        // 30 columns for a name needing 8 and a URI needing 40: the name is whole, the URI gets the rest.
        #expect(ColumnLayout.widths([demand(4, 8, 8), demand(3, 40, 40)], total: 30) == [8, 22])
        // Two long ones share evenly.
        #expect(ColumnLayout.widths([demand(4, 30, 30), demand(3, 40, 40)], total: 30) == [15, 15])
    }

    @Test func headersWidenOnlyOnceTheContentFitsThenFlexTakesTheRest() {
        let mark = demand(3, 3, 7)  // DEF / DEFAULT
        #expect(ColumnLayout.widths([demand(4, 10, 10), mark], total: 13) == [10, 3])
        #expect(ColumnLayout.widths([demand(4, 10, 10), mark], total: 17) == [10, 7])
        #expect(ColumnLayout.widths([demand(4, 10, 10), mark, demand(6, 6, 6, flex: 1)], total: 40) == [10, 7, 23])
    }

    @Test func uRIsAreShortenedInTheMiddleKeepingHostAndPort() {
        let uri = "https://registry.physics.example.university.edu:8443/library/api/v2"
        #expect(URIShortening.fit(uri, width: 200, ellipsis: "…") == uri)
        // The scheme goes first, then the middle of the path, then the middle of the host.
        #expect(
            URIShortening.fit(uri, width: 60, ellipsis: "…")
                == "registry.physics.example.university.edu:8443/library/api/v2")
        #expect(
            URIShortening.fit(uri, width: 50, ellipsis: "…") == "registry.physics.example.university.edu:8443…pi/v2")
        #expect(URIShortening.fit(uri, width: 20, ellipsis: "…") == "registry.…y.edu:8443")
        let deep = "https://h.example.org:8443/a/very/long/path/to/the/api/v2"
        #expect(URIShortening.fit(deep, width: 35, ellipsis: "…") == "https://h.example.org:8443…e/api/v2")
        #expect(URIShortening.fit("http://127.0.0.1:40101/ep", width: 18, ellipsis: "…") == "127.0.0.1:40101/ep")
        #expect(URIShortening.fit("cloud.apptainer.org", width: 17, ellipsis: "…") == "cloud.ap…iner.org")
    }
}
