import Testing

@testable import RemotesCore

@Suite("The keyserver list of a remote")
struct KeyserverRulesTests {
    /// A user-owned remote on the placeholder endpoint, so its built-in keyserver is known.
    func userBox() throws -> (Sandbox, ConfigStore) {
        let box = Sandbox()
        box.writeUser(RemoteConfig(active: "mine", remotes: ["mine": Remote(uri: "cloud.apptainer.org")]))
        return (box, box.store(root: false))
    }

    func uris(_ box: Sandbox) throws -> [String] {
        try box.userConfig().remotes["mine"]?.keyservers.map { "\($0.uri)\($0.skip ? " (skip)" : "")" } ?? []
    }

    @Test("adding materialises the built-in entry and appends; --order inserts")
    func addAndOrder() throws {
        let (box, store) = try userBox()
        try store.apply(.addKeyserver(remote: nil, url: "https://a.example", order: nil, insecure: false))
        #expect(try uris(box) == ["https://keys.openpgp.org", "https://a.example"])
        try store.apply(.addKeyserver(remote: "mine", url: "hkp://b.example", order: 1, insecure: true))
        #expect(try uris(box) == ["hkp://b.example", "https://keys.openpgp.org", "https://a.example"])
        let list = try box.userConfig().remotes["mine"]?.keyservers ?? []
        #expect(list[0] == Keyserver(uri: "hkp://b.example", external: true, insecure: true))
        #expect(list[1] == Keyserver(uri: "https://keys.openpgp.org", external: false))
    }

    @Test("order out of range, duplicates (hkp:// equals http://…:11371) and bad URLs are refused")
    func refusals() throws {
        let (box, store) = try userBox()
        try store.apply(.addKeyserver(remote: nil, url: "hkp://k.example", order: nil, insecure: false))
        let before = box.read(box.userFile)
        let range = failure { () throws(RemotesError) in
            try store.apply(.addKeyserver(remote: nil, url: "https://z.example", order: 4, insecure: false))
        }
        #expect(range?.message == "order is out of range: maximum is 3")
        let duplicate = failure { () throws(RemotesError) in
            try store.apply(.addKeyserver(remote: nil, url: "http://K.example:11371/x", order: nil, insecure: false))
        }
        #expect(duplicate?.message == "http://K.example:11371/x is already configured")
        let bad = failure { () throws(RemotesError) in
            try store.apply(.addKeyserver(remote: nil, url: "foo", order: nil, insecure: false))
        }
        #expect(bad?.category == .usage)
        let zero = failure { () throws(RemotesError) in
            try store.apply(.addKeyserver(remote: nil, url: "https://z.example", order: 0, insecure: false))
        }
        #expect(zero?.message == "order must be > 0")
        let unknown = failure { () throws(RemotesError) in
            try store.apply(.addKeyserver(remote: "nope", url: "https://z.example", order: nil, insecure: false))
        }
        #expect(unknown?.message == "no endpoint found: nope")
        #expect(box.read(box.userFile) == before)
    }

    @Test("removing: added entries go, the built-in one is skipped, the last one stays")
    func remove() throws {
        let (box, store) = try userBox()
        try store.apply(.addKeyserver(remote: nil, url: "https://a.example", order: nil, insecure: false))
        try store.apply(.removeKeyserver(remote: nil, url: "https://keys.openpgp.org"))
        #expect(try uris(box) == ["https://keys.openpgp.org (skip)", "https://a.example"])
        let last = failure { () throws(RemotesError) in
            try store.apply(.removeKeyserver(remote: nil, url: "https://a.example"))
        }
        #expect(last?.message == "the primary keyserver https://a.example can't be removed")
        let missing = failure { () throws(RemotesError) in
            try store.apply(.removeKeyserver(remote: nil, url: "https://keys.openpgp.org"))
        }
        #expect(missing?.message == "keyserver https://keys.openpgp.org is not configured")
        // re-adding the skipped built-in un-skips it at the requested place
        try store.apply(.addKeyserver(remote: nil, url: "https://keys.openpgp.org:443", order: 1, insecure: false))
        #expect(try uris(box) == ["https://keys.openpgp.org", "https://a.example"])
    }

    @Test("order counts only entries in use, even with a skipped built-in entry (Apptainer is off by one)")
    func orderWithSkipped() throws {
        let (box, store) = try userBox()
        try store.apply(.addKeyserver(remote: nil, url: "https://a.example", order: nil, insecure: false))
        try store.apply(.addKeyserver(remote: nil, url: "https://b.example", order: nil, insecure: false))
        try store.apply(.removeKeyserver(remote: nil, url: "https://keys.openpgp.org"))
        try store.apply(.addKeyserver(remote: nil, url: "https://c.example", order: 2, insecure: false))
        let used = try box.userConfig().remotes["mine"]?.keyservers.filter { !$0.skip }.map(\.uri)
        #expect(used == ["https://a.example", "https://c.example", "https://b.example"])
    }

    @Test("moving a keyserver")
    func move() throws {
        let (box, store) = try userBox()
        try store.apply(.addKeyserver(remote: nil, url: "https://a.example", order: nil, insecure: false))
        try store.apply(.addKeyserver(remote: nil, url: "https://b.example", order: nil, insecure: false))
        try store.apply(.moveKeyserver(remote: nil, url: "https://b.example", toOrder: 1))
        #expect(try uris(box) == ["https://b.example", "https://keys.openpgp.org", "https://a.example"])
        let out = failure { () throws(RemotesError) in
            try store.apply(.moveKeyserver(remote: nil, url: "https://b.example", toOrder: 4))
        }
        #expect(out?.message == "order is out of range: maximum is 3")
    }

    @Test("keyservers of a global remote live in the system file and need root")
    func globalRemote() throws {
        let box = Sandbox()
        let error = failure { () throws(RemotesError) in
            try box.store(root: false).apply(
                .addKeyserver(remote: nil, url: "https://k.example", order: nil, insecure: false))
        }
        #expect(error?.message == "Unable to modify keyserver configuration: not root user")
        #expect(!FileSystem.exists(box.systemFile))
        try box.store(root: true).apply(.addKeyserver(remote: nil, url: "https://k.example", order: 1, insecure: false))
        let system = try box.systemConfig()
        #expect(
            system.remotes["DefaultRemote"]?.keyservers.map(\.uri) == ["https://k.example", "https://keys.openpgp.org"])
        #expect(!FileSystem.exists(box.userFile))
    }

    @Test("a remote whose built-in keyserver needs discovery gets a clear message, and the cache answers it")
    func unknownBuiltin() throws {
        let box = Sandbox()
        box.writeUser(RemoteConfig(active: "x", remotes: ["x": Remote(uri: "x.example")]))
        let store = box.store(root: false)
        let error = failure { () throws(RemotesError) in
            try store.apply(.addKeyserver(remote: nil, url: "https://k.example", order: nil, insecure: false))
        }
        #expect(error?.message.contains("the built-in keyserver of remote \"x\" is not known yet") == true)
        try store.discoveryCache.store(
            Array(#"{"keystoreAPI":{"uri":"https://keys.x.example"}}"#.utf8), for: "https://x.example")
        try store.apply(.addKeyserver(remote: nil, url: "https://k.example", order: nil, insecure: false))
        #expect(
            try box.userConfig().remotes["x"]?.keyservers.map(\.uri) == ["https://keys.x.example", "https://k.example"])
    }
}
