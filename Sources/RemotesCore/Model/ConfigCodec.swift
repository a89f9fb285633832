/// Turns `remote.yaml` text into a `RemoteConfig` and back.
///
/// Reading accepts everything Apptainer 1.2 to 1.5 and SingularityCE write (any indentation,
/// YAML 1.1 booleans, null sections). Writing produces what current Apptainer writes, byte for
/// byte. Keys Apptainer does not know are kept and reported in `unknownKeys`.
public enum ConfigCodec {
    /// The result of reading a file.
    public struct Decoded: Sendable {
        /// The config.
        public var config: RemoteConfig
        /// Unknown keys found, as "Remotes.foo.Color (line 7)".
        public var unknownKeys: [String]
    }

    /// Parses `text`; `source` names the file in error messages.
    public static func decode(_ text: String, source: String) throws(RemotesError) -> Decoded {
        let root = try YAMLReader.parse(text, source: source)
        var decoder = Decoder(source: source)
        let config = try decoder.config(root)
        return Decoded(config: config, unknownKeys: decoder.unknown)
    }

    /// The file text Apptainer would write for `config`.
    public static func encode(_ config: RemoteConfig) -> String {
        GoYAMLEmitter.document(node(config))
    }

    /// The YAML tree of `config`, keys in Apptainer's order.
    public static func node(_ config: RemoteConfig) -> YAMLNode {
        var remotes: [YAMLPair] = []
        remotes.reserveCapacity(config.remotes.count)
        for name in config.sortedNames {
            if let remote = config.remotes[name] { remotes.append(YAMLPair(name, node(remote))) }
        }
        var pairs = [YAMLPair("Active", .string(config.active)), YAMLPair("Remotes", .mapping(remotes))]
        if !config.credentials.isEmpty {
            pairs.append(YAMLPair("Credentials", .sequence(config.credentials.map(node))))
        }
        pairs += config.extraKeys
        return .mapping(pairs)
    }

    static func node(_ remote: Remote) -> YAMLNode {
        var pairs: [YAMLPair] = []
        if !remote.uri.isEmpty { pairs.append(YAMLPair("URI", .string(remote.uri))) }
        if !remote.token.isEmpty { pairs.append(YAMLPair("Token", .string(remote.token))) }
        pairs.append(YAMLPair("System", .bool(remote.system)))
        pairs.append(YAMLPair("Exclusive", .bool(remote.exclusive)))
        if remote.insecure { pairs.append(YAMLPair("Insecure", .bool(true))) }
        if !remote.keyservers.isEmpty {
            pairs.append(YAMLPair("Keyservers", .sequence(remote.keyservers.map(node))))
        }
        return .mapping(pairs + remote.extraKeys)
    }

    static func node(_ keyserver: Keyserver) -> YAMLNode {
        .mapping(
            [
                YAMLPair("URI", .string(keyserver.uri)),
                YAMLPair("Skip", .bool(keyserver.skip)),
                YAMLPair("External", .bool(keyserver.external)),
                YAMLPair("Insecure", .bool(keyserver.insecure)),
            ] + keyserver.extraKeys)
    }

    static func node(_ credential: Credential) -> YAMLNode {
        var pairs = [YAMLPair("URI", .string(credential.uri))]
        if !credential.auth.isEmpty { pairs.append(YAMLPair("Auth", .string(credential.auth))) }
        pairs.append(YAMLPair("Insecure", .bool(credential.insecure)))
        return .mapping(pairs + credential.extraKeys)
    }
}

/// Walks a parsed tree into the model, with go-yaml's typing rules.
private struct Decoder {
    let source: String
    var unknown: [String] = []

    init(source: String) { self.source = source }

    func error(_ line: Int, _ message: String) -> RemotesError {
        .badFile("\(source): line \(line): \(message)")
    }

    /// The pairs of a mapping node; nil for null. `what` names the node in errors.
    func pairs(_ node: YAMLNode, _ what: String) throws(RemotesError) -> [YAMLPair]? {
        switch node.kind {
        case .mapping(let pairs): return pairs
        case .scalar(let text, let isString) where !isString && GoYAMLResolver.isNull(text): return nil
        default: throw error(node.line, "\(what) must be a mapping, not \(node.shapeName)")
        }
    }

    func items(_ node: YAMLNode, _ what: String) throws(RemotesError) -> [YAMLNode]? {
        switch node.kind {
        case .sequence(let items): return items
        case .scalar(let text, let isString) where !isString && GoYAMLResolver.isNull(text): return nil
        default: throw error(node.line, "\(what) must be a list, not \(node.shapeName)")
        }
    }

    func string(_ node: YAMLNode, _ what: String) throws(RemotesError) -> String {
        guard case .scalar(let text, let isString) = node.kind else {
            throw error(node.line, "\(what) must be a single value, not \(node.shapeName)")
        }
        if !isString && GoYAMLResolver.isNull(text) { return "" }
        return text
    }

    func bool(_ node: YAMLNode, _ what: String) throws(RemotesError) -> Bool {
        guard case .scalar(let text, let isString) = node.kind else {
            throw error(node.line, "\(what) must be true or false, not \(node.shapeName)")
        }
        if !isString && GoYAMLResolver.isNull(text) { return false }
        guard let value = GoYAMLResolver.boolValue(text, quoted: isString) else {
            throw error(node.line, "\(what) must be true or false, not \"\(text)\"")
        }
        return value
    }

    mutating func note(_ path: String, _ pair: YAMLPair) -> YAMLPair {
        unknown.append("\(path)\(pair.key) (line \(pair.line))")
        return pair
    }

    mutating func config(_ root: YAMLNode?) throws(RemotesError) -> RemoteConfig {
        var config = RemoteConfig()
        guard let root, let pairs = try pairs(root, "the file") else { return config }
        for pair in pairs {
            switch pair.key {
            case "Active":
                config.active = try string(pair.value, "Active")
            case "Remotes":
                for entry in try self.pairs(pair.value, "Remotes") ?? [] {
                    config.remotes[entry.key] = try remote(entry.value, name: entry.key)
                }
            case "Credentials":
                for item in try items(pair.value, "Credentials") ?? [] {
                    config.credentials.append(try credential(item))
                }
            default:
                config.extraKeys.append(note("", pair))
            }
        }
        return config
    }

    mutating func remote(_ node: YAMLNode, name: String) throws(RemotesError) -> Remote {
        var remote = Remote(uri: "")
        let path = "Remotes.\(name)."
        for pair in try pairs(node, "remote \"\(name)\"") ?? [] {
            let what = "\(path)\(pair.key)"
            switch pair.key {
            case "URI": remote.uri = try string(pair.value, what)
            case "Token": remote.token = try string(pair.value, what)
            case "System": remote.system = try bool(pair.value, what)
            case "Exclusive": remote.exclusive = try bool(pair.value, what)
            case "Insecure": remote.insecure = try bool(pair.value, what)
            case "Keyservers":
                for item in try items(pair.value, what) ?? [] {
                    remote.keyservers.append(try keyserver(item, path: "\(path)Keyservers."))
                }
            default: remote.extraKeys.append(note(path, pair))
            }
        }
        return remote
    }

    mutating func keyserver(_ node: YAMLNode, path: String) throws(RemotesError) -> Keyserver {
        var keyserver = Keyserver(uri: "", external: false)
        for pair in try pairs(node, "a keyserver entry") ?? [] {
            let what = "\(path)\(pair.key)"
            switch pair.key {
            case "URI": keyserver.uri = try string(pair.value, what)
            case "Skip": keyserver.skip = try bool(pair.value, what)
            case "External": keyserver.external = try bool(pair.value, what)
            case "Insecure": keyserver.insecure = try bool(pair.value, what)
            default: keyserver.extraKeys.append(note(path, pair))
            }
        }
        return keyserver
    }

    mutating func credential(_ node: YAMLNode) throws(RemotesError) -> Credential {
        var credential = Credential(uri: "")
        for pair in try pairs(node, "a Credentials entry") ?? [] {
            let what = "Credentials.\(pair.key)"
            switch pair.key {
            case "URI": credential.uri = try string(pair.value, what)
            case "Auth": credential.auth = try string(pair.value, what)
            case "Insecure": credential.insecure = try bool(pair.value, what)
            default: credential.extraKeys.append(note("Credentials.", pair))
            }
        }
        return credential
    }
}
