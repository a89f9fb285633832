import RemotesCore

/// Makes a `ConfigChange` from fuzz bytes. Missing bytes read as 0, so every input gives a
/// change. Names, URIs and tokens are either taken from the configs (so that changes hit what
/// is there), from a short list of typical values, or are raw bytes from the input (so that
/// the emitter meets every string a user could type).
struct ChangeBytes {
    var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    mutating func byte() -> UInt8 { bytes.popFirst() ?? 0 }

    /// A number in 0..<n (0 when n is 0).
    mutating func below(_ n: Int) -> Int { n > 0 ? Int(byte()) % n : 0 }

    mutating func bool() -> Bool { byte() & 1 == 1 }

    /// Up to 40 raw bytes, as text. A leading U+FEFF is dropped: our reader (Yams) loses it
    /// (docs/design.md, "Writing YAML byte for byte"), a known limit rather than a finding.
    mutating func raw() -> String {
        let count = below(41)
        let taken = bytes.prefix(count)
        bytes = bytes.dropFirst(count)
        var text = String(decoding: taken, as: UTF8.self)
        while text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return text
    }

    /// One of `known` (the configs' own values and typical ones), or raw bytes.
    mutating func pick(_ known: [String]) -> String {
        let choice = below(known.count + 1)
        return choice < known.count ? known[choice] : raw()
    }

    static let uris = [
        "https://cloud.example.org", "cloud.example.org/path", "http://127.0.0.1:8080", "library.example:8443",
    ]
    static let keyservers = [
        "https://keys.openpgp.org", "hkp://keys.example.org:11371", "http://localhost:11371",
        "hkps://keys.example.org",
    ]
    static let logins = [
        "docker://registry.example.org", "oras://ghcr.io", "https://keys.example.org", "docker://docker.io",
    ]

    mutating func change(user: RemoteConfig, system: RemoteConfig) -> ConfigChange {
        let names =
            NaturalKeyOrder.sorted(Set(user.remotes.keys).union(system.remotes.keys)) + ["new", "DefaultRemote"]
        let keyservers =
            (user.remotes.values.flatMap(\.keyservers) + system.remotes.values.flatMap(\.keyservers)).map(\.uri)
            + Self.keyservers
        let logins = (user.credentials + system.credentials).map(\.uri) + Self.logins
        switch below(10) {
        case 0:
            return .addRemote(
                name: pick(names), uri: pick(Self.uris), insecure: bool(), global: bool(), makeDefault: bool())
        case 1: return .removeRemote(name: pick(names), global: bool())
        case 2: return .useRemote(name: pick(names), global: bool(), exclusive: bool())
        case 3:
            let order = below(5)
            return .addKeyserver(
                remote: bool() ? nil : pick(names), url: pick(keyservers), order: order == 0 ? nil : order,
                insecure: bool())
        case 4: return .removeKeyserver(remote: bool() ? nil : pick(names), url: pick(keyservers))
        case 5: return .moveKeyserver(remote: bool() ? nil : pick(names), url: pick(keyservers), toOrder: below(5))
        case 6: return .storeToken(remote: pick(names), token: raw())
        case 7: return .clearToken(remote: pick(names))
        case 8: return .storeCredential(Credential(uri: pick(logins), auth: raw(), insecure: bool()))
        default: return .removeCredentials(uri: pick(logins))
        }
    }
}
