import Foundation
import RemotesTestSupport
import Testing

/// `add-keyserver` / `remove-keyserver` on a remote whose built-in keyserver only discovery
/// knows: discovery is fetched first and cached, then the change is applied.
struct KeyserverDiscoveryTests {
    @Test func addKeyserverFetchesDiscoveryWhenNeeded() async throws {
        try await EndpointFixture.with { f in
            try await f.addRemote("lib")
            let result = try await f.run("add-keyserver", ["lib", "https://keys.example.org"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr == "\(Prefix.info)Keyserver \"https://keys.example.org\" added at position 2.\n")
            #expect(f.server.requests(pathSuffix: "/config.prod.json").count == 1)
            let text = f.userFileText
            let builtin = try #require(text.range(of: "URI: \(f.uri())/keys"))
            let added = try #require(text.range(of: "URI: https://keys.example.org"))
            #expect(builtin.lowerBound < added.lowerBound)

            // The list is explicit now: removing needs no network.
            f.server.clearRequests()
            let removed = try await f.run("remove-keyserver", ["lib", "https://keys.example.org"])
            #expect(removed.status == 0, "\(removed.stderr)")
            #expect(f.server.requests.isEmpty)
        }
    }

    @Test func cachedDiscoveryIsUsedWithoutARequest() async throws {
        try await EndpointFixture.with { f in
            try await f.addRemote("lib")
            #expect(try await f.run("status", ["lib"]).status == 0)
            f.server.clearRequests()
            let result = try await f.run("add-keyserver", ["--order", "1", "lib", "hkps://keys.example.org"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(f.server.requests.isEmpty)
        }
    }

    @Test func discoveryFailureStopsTheChange() async throws {
        try await EndpointFixture.with { f in
            f.server.misbehave(.status(500), at: .suffix("/config.prod.json"))
            try await f.addRemote("lib")
            let before = f.userFileBytes
            let result = try await f.run("add-keyserver", ["lib", "https://keys.example.org"])
            #expect(result.status == 69)
            #expect(
                result.stderr
                    == "\(Prefix.fatal)while retrieving services: error response from server: 500 Internal Server Error\n"
            )
            #expect(f.userFileBytes == before)
        }
    }

    @Test func removingTheBuiltinKeyserverNeedsDiscoveryToo() async throws {
        try await EndpointFixture.with { f in
            try await f.addRemote("lib")
            #expect(try await f.run("add-keyserver", ["lib", "https://keys.example.org"]).status == 0)
            let result = try await f.run("remove-keyserver", ["lib", f.uri() + "/keys"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(f.userFileText.contains("Skip: true"))
        }
    }
}
