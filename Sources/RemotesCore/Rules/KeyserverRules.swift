/// The rules of the keyserver list of a remote (reference §5.3): 1-based order among the
/// entries in use, `hkp://` equal to `http://…:11371`, the built-in entry skipped rather than
/// deleted, the last entry kept. Keyservers of a global remote live in the system file (root
/// only); those of a user's own remote in the user file.
extension ChangeContext {
    /// The remote a keyserver command acts on, and whether its list lives in the system file.
    func keyserverTarget(_ remote: String?) throws(RemotesError) -> (name: String, global: Bool) {
        let name = remote ?? state.merged.active
        guard !name.isEmpty else { throw .failed("no default remote: name the remote to change") }
        guard let merged = state.merged.remotes[name] else { throw .failed("no endpoint found: \(name)") }
        if merged.system {
            guard isRoot else { throw .failed("Unable to modify keyserver configuration: not root user") }
            guard system.remotes[name] != nil else { throw .failed("no endpoint found: \(name)") }
            return (name, true)
        }
        return (name, false)
    }

    /// The list with the built-in entry made explicit, as Apptainer does before any change.
    func materialized(_ remote: Remote, name: String) throws(RemotesError) -> [Keyserver] {
        if !remote.keyservers.isEmpty { return remote.keyservers }
        guard let builtin = builtinKeyserver(remote) else {
            throw .failed(
                "the built-in keyserver of remote \(goQuoted(name)) is not known yet: it comes from the endpoint's service discovery (run 'remotes status \(name)' to fetch it)"
            )
        }
        return [Keyserver(uri: builtin, external: false)]
    }

    /// Raw index at which an entry becomes the `order`-th entry in use (1-based).
    static func rawIndex(in list: [Keyserver], forOrder order: Int) -> Int {
        var seen = 0
        for (index, entry) in list.enumerated() where !entry.skip {
            seen += 1
            if seen == order { return index }
        }
        return list.count
    }

    mutating func editKeyservers<R>(
        _ remote: String?, _ body: (inout [Keyserver], String) throws(RemotesError) -> R
    ) throws(RemotesError) -> R {
        let (name, global) = try keyserverTarget(remote)
        guard var entry = (global ? system : user).remotes[name] else { throw .failed("no endpoint found: \(name)") }
        var list = try materialized(entry, name: name)
        let result = try body(&list, name)
        entry.keyservers = list
        editTarget(global: global) { $0.remotes[name] = entry }
        return result
    }

    mutating func addKeyserver(remote: String?, url: String, order: Int?, insecure: Bool) throws(RemotesError) {
        try AddKeyserverRequest(url: url, order: order).validated()
        let url = try AddKeyserverRequest.validURL(url)
        let address = KeyserverAddress(url)
        let position = try editKeyservers(remote) { (list: inout [Keyserver], _: String) throws(RemotesError) -> Int in
            let inUse = list.filter { !$0.skip }.count
            let maxOrder = inUse + 1
            let wanted = order ?? maxOrder
            guard wanted <= maxOrder else { throw .failed("order is out of range: maximum is \(maxOrder)") }
            var entry = Keyserver(uri: url, external: true, insecure: insecure)
            if let match = list.firstIndex(where: { KeyserverAddress($0.uri) == address }) {
                guard list[match].skip && !list[match].external else { throw .failed("\(url) is already configured") }
                entry = list.remove(at: match)
                entry.skip = false
            }
            let inUseNow = list.filter { !$0.skip }.count
            list.insert(entry, at: Self.rawIndex(in: list, forOrder: min(wanted, inUseNow + 1)))
            return min(wanted, inUseNow + 1)
        }
        notices.append(.info("Keyserver \(goQuoted(url)) added at position \(position)."))
    }

    mutating func removeKeyserver(remote: String?, url: String) throws(RemotesError) {
        let address = KeyserverAddress(url.trimmingSpaces)
        try editKeyservers(remote) { (list: inout [Keyserver], _: String) throws(RemotesError) in
            guard let address, let match = list.firstIndex(where: { !$0.skip && KeyserverAddress($0.uri) == address })
            else { throw .failed("keyserver \(url) is not configured") }
            guard list.filter({ !$0.skip }).count > 1 else {
                throw .failed("the primary keyserver \(url) can't be removed")
            }
            if list[match].external { list.remove(at: match) } else { list[match].skip = true }
        }
        notices.append(.info("Keyserver \(goQuoted(url)) removed."))
    }

    mutating func moveKeyserver(remote: String?, url: String, toOrder order: Int) throws(RemotesError) {
        let address = KeyserverAddress(url.trimmingSpaces)
        try editKeyservers(remote) { (list: inout [Keyserver], _: String) throws(RemotesError) in
            guard let address, let match = list.firstIndex(where: { !$0.skip && KeyserverAddress($0.uri) == address })
            else { throw .failed("keyserver \(url) is not configured") }
            let inUse = list.filter { !$0.skip }.count
            guard (1...inUse).contains(order) else { throw .failed("order is out of range: maximum is \(inUse)") }
            let entry = list.remove(at: match)
            list.insert(entry, at: Self.rawIndex(in: list, forOrder: order))
        }
        notices.append(.info("Keyserver \(goQuoted(url)) moved to position \(order)."))
    }
}
