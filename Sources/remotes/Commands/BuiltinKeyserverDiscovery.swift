import RemotesCore
import RemotesNetwork

/// Makes `add-keyserver` and `remove-keyserver` work on a remote whose keyserver list is still
/// the implicit built-in entry, which only service discovery knows: when the cache does not
/// know it (or with `--refresh`), discovery is fetched first, outside the config lock, and
/// stored in the cache, where the keyserver rules of RemotesCore then find it.
enum BuiltinKeyserverDiscovery {
    /// Fetches discovery for `remote` (nil: the default remote) when its change will need the
    /// built-in keyserver and the cache does not have it. Does nothing for an unknown remote
    /// (the change itself reports that).
    static func prepare(context: CommandContext, remote name: String?, refresh: Bool) async throws {
        var target: Remote?
        try context.perform { () throws(RemotesError) in
            let state = try context.store.load()
            target = state.merged.remotes[name ?? state.merged.active]
        }
        guard let target, target.keyservers.isEmpty else { return }
        guard !target.system || context.store.isRoot else { return }  // the change is refused anyway
        guard refresh || context.store.builtinKeyserver(of: target) == nil else { return }
        try await context.performNetwork { (fetcher: HTTPFetcher) throws(RemotesError) in
            let discovery = ServiceDiscovery(fetcher: fetcher, cache: context.store.discoveryCache)
            let keyserver = try await discovery.builtinKeyserver(of: target, refresh: refresh)
            if keyserver == nil {
                throw .failed(
                    "the endpoint \(target.uri) announces no keyserver service, so it has no built-in keyserver to change"
                )
            }
        }
    }
}
