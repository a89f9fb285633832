import RemotesCore
import Testing

@testable import RemotesTUI

/// The filtered endpoint list the state keeps: the same answer as a plain search, whether it
/// is made afresh or narrowed from the previous filter, and positions that match the rows.
@MainActor
@Suite struct VisibleEndpointsTests {
    /// A config of `count` remotes `r000` … with URIs `host-<i mod 7>.example.org`.
    static func config(count: Int) throws -> (Fixture, LoadedConfig) {
        var text = "Active: r000\nRemotes:\n"
        for index in 0..<count {
            let name = "r" + String(String(index).reversed()).padding(toLength: 3, withPad: "0", startingAt: 0)
            text += "    \(name):\n        URI: Host-\(index % 7).Example.org\n        System: false\n"
            text += "        Exclusive: false\n"
        }
        let fixture = try Fixture(user: text)
        return (fixture, try LoadedConfig.load(fixture.store()))
    }

    /// The names a plain, slow search finds.
    static func expected(_ config: LoadedConfig, _ filter: String) -> [String] {
        if filter.isEmpty { return config.endpointRows.map(\.name) }
        let needle = filter.lowercased()
        return config.endpointRows.filter {
            $0.name.lowercased().contains(needle) || $0.uri.lowercased().contains(needle)
        }
        .map(\.name)
    }

    @Test func typingNarrowsAndBackspaceWidensToTheSameRowsAsAPlainSearch() throws {
        let (_, config) = try Self.config(count: 300)
        var list = VisibleEndpoints(config: config, filter: "")
        #expect(list.rows.count == 301)  // and DefaultRemote
        for filter in ["h", "ho", "host-3", "host-3.", "host-3", "HOST-", "r1", "r12", "r1", "", "zzz", "zz", "org"] {
            list = VisibleEndpoints(config: config, filter: filter, previous: list)
            #expect(list.rows.map(\.name) == Self.expected(config, filter), "filter \(filter)")
            #expect(list.rows.map(\.name) == VisibleEndpoints(config: config, filter: filter).rows.map(\.name))
            for (index, row) in list.rows.enumerated() { #expect(list.positions[row.name] == index) }
            #expect(list.positions.count == list.rows.count)
        }
    }

    @Test func theFilterDoesNotMatchAcrossNameAndURI() throws {
        let (_, config) = try Self.config(count: 3)
        // "r000" + "host-0…": the two fields are searched apart.
        #expect(VisibleEndpoints(config: config, filter: "0host").rows.isEmpty)
        #expect(VisibleEndpoints(config: config, filter: "0h").rows.isEmpty)
    }

    @Test func byteSearch() {
        func search(_ haystack: String, _ needle: String) -> Bool {
            VisibleEndpoints.contains(Array(haystack.utf8), Array(needle.utf8))
        }
        #expect(search("abc", "abc"))
        #expect(search("xxabc", "abc"))
        #expect(search("aab", "ab"))
        #expect(!search("ab", "abc"))
        #expect(!search("abd", "abc"))
        #expect(search("日本のリモート", "リモ"))
        #expect(search("anything", ""))
        #expect(!search("", "a"))
    }

    @Test func theStateFollowsTheFilterAndTheFiles() throws {
        let h = Harness(try Fixture())
        h.press(.character("/"))
        h.type("es")
        #expect(h.state.visibleEndpoints.map(\.name) == ["test"])
        h.press(.backspace)
        #expect(h.state.visibleEndpoints.map(\.name) == ["DefaultRemote", "lab", "test"])
        h.type("x")
        #expect(h.state.visibleEndpoints.map(\.name) == ["lab", "test"])
        h.press(.down)
        // A change on disk is seen through the same filter.
        try h.fixture.store().apply(
            .addRemote(name: "texas", uri: "tx.example.org", insecure: false, global: false, makeDefault: false))
        h.press(.enter, .character("r"))
        #expect(h.state.visibleEndpoints.map(\.name) == ["lab", "test", "texas"])
        #expect(h.state.selectedEndpoint?.name == "test")
    }
}
