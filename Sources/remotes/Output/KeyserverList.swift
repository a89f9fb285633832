import RemotesCore
import RemotesNetwork

/// `remotes keyserver list [REMOTE]` in Apptainer's layout (reference §3.11): per remote a
/// `NAME *^` line (`*` system endpoint, `^` default) and its keyservers in order with a 🔒 on
/// the secure ones, then the footnote. Remotes come in byte order of their names, where
/// Apptainer's order is random. A built-in keyserver that only service discovery can tell is
/// fetched (all remotes at once); when that fails the remote says so.
enum KeyserverList {
    static func run(context: CommandContext, remote only: String?, refresh: Bool) async throws {
        var state: ConfigState?
        try context.perform { () throws(RemotesError) in
            state = try context.load()
            if let only, state?.merged.remotes[only] == nil {
                throw .failed("no remote-endpoint with the name \"\(only)\" found")
            }
        }
        guard let state else { return }
        let merged = state.merged
        let names = only.map { [$0] } ?? ConfigOverview.byteOrder(merged.remotes.keys)
        // Which remotes need discovery to tell their built-in keyserver.
        let unknown = names.filter { name in
            guard let remote = merged.remotes[name], remote.keyservers.isEmpty else { return false }
            return refresh || context.store.builtinKeyserver(of: remote) == nil
        }
        var failed: Set<String> = []
        if !unknown.isEmpty {
            try await context.performNetwork { (fetcher: HTTPFetcher) async throws(RemotesError) in
                let discovery = ServiceDiscovery(fetcher: fetcher, cache: context.store.discoveryCache)
                failed = await withTaskGroup(of: String?.self) { group in
                    for name in unknown {
                        guard let remote = merged.remotes[name] else { continue }
                        group.addTask {
                            let keyserver = try? await discovery.builtinKeyserver(of: remote, refresh: refresh)
                            return keyserver == nil ? name : nil
                        }
                    }
                    var names: Set<String> = []
                    for await name in group { if let name { names.insert(name) } }
                    return names
                }
            }
        }
        let overview = ConfigOverview(
            state: state, builtinKeyserver: context.store.builtinKeyserver, lookUp: .everyRemote)
        context.console.out(render(overview, names: names, unavailable: failed))
    }

    /// The text of the list.
    static func render(_ overview: ConfigOverview, names: [String], unavailable: Set<String>) -> String {
        var out = ""
        let remotes = Dictionary(overview.remotes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in names {
            guard let remote = remotes[name] else { continue }
            out += "\n\(name) \(remote.isGlobal ? "*" : "")\(remote.isDefault ? "^" : "")\n"
            var table = TabWriter()
            let rows = overview.keyservers(of: name).filter { $0.order != nil }
            if unavailable.contains(name) || rows.contains(where: { $0.uri == nil }) {
                table.row(" ", "(unable to fetch associated keyserver info for this endpoint)")
            } else {
                for row in rows { table.row(" ", "#\(row.order ?? 0)", row.uri ?? "", row.isInsecure ? "" : "🔒") }
            }
            out += table.render()
        }
        return out + "\n(* = system endpoint, ^ = default endpoint)\n"
    }
}
