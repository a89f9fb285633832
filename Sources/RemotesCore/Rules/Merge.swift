/// Merges the system config into a user config, as Apptainer's `SyncFrom` does, with two of its
/// bugs fixed: a copied global remote whose system entry is gone is dropped (with an INFO line)
/// instead of staying forever, and `Insecure` is copied with the other settings.
public enum Merge {
    /// The user config with the system's remotes merged in, and the notices to show.
    /// - Throws: for SingularityCE, a user remote named like a system remote.
    public static func sync(user: RemoteConfig, system: RemoteConfig, flavor: Flavor) throws(RemotesError) -> (
        RemoteConfig, [Notice]
    ) {
        var merged = user
        var notices: [Notice] = []
        for name in system.sortedNames {
            guard let source = system.remotes[name] else { continue }
            if var copy = merged.remotes[name] {
                guard copy.system else {
                    if flavor.nameClashIsError { throw .failed("name collision while syncing: \(name)") }
                    notices.append(.info("\(name) defined both globally and individually, using individual"))
                    continue
                }
                copy.uri = source.uri
                copy.exclusive = source.exclusive
                copy.insecure = source.insecure
                copy.keyservers = source.keyservers
                merged.remotes[name] = copy
            } else {
                merged.remotes[name] = Remote(
                    uri: source.uri, system: true, exclusive: source.exclusive, insecure: source.insecure,
                    keyservers: source.keyservers)
            }
            if source.exclusive { merged.active = name }
        }
        for name in stale(user: user, system: system) {
            merged.remotes[name] = nil
            if merged.active == name { merged.active = "" }
            notices.append(
                .info("Remote \"\(name)\" is no longer defined by the system configuration: dropping its global copy"))
        }
        if merged.active.isEmpty && !system.active.isEmpty && merged.remotes[system.active] != nil {
            merged.active = system.active
        }
        return (merged, notices)
    }

    /// Names of global copies in `user` whose system entry no longer exists.
    public static func stale(user: RemoteConfig, system: RemoteConfig) -> [String] {
        NaturalKeyOrder.sorted(user.remotes.filter { $0.value.system && system.remotes[$0.key] == nil }.keys)
    }
}
