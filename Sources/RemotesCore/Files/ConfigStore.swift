import Glibc

/// The one place that changes config files: lock, read both files, merge, apply the rule,
/// write atomically, unlock. Both front ends go through `apply`.
public struct ConfigStore: Sendable {
    /// Where the files are.
    public var locations: ConfigLocations
    /// Whether the caller may change the system file (root).
    public var isRoot: Bool
    /// Where the built-in keyserver of an endpoint is looked up.
    public var discoveryCache: DiscoveryCache
    /// How long a change waits for another process's lock (and who hears about the wait).
    public var lockPolicy = LockPolicy()

    /// A store for `locations`; `isRoot` defaults to the effective user.
    public init(locations: ConfigLocations, isRoot: Bool = geteuid() == 0) {
        self.locations = locations
        self.isRoot = isRoot
        self.discoveryCache = DiscoveryCache(userFolder: locations.userFolder)
    }

    /// Reads both files and merges them, without locking (writes are atomic renames).
    public func load() throws(RemotesError) -> ConfigState {
        try ConfigState.load(locations)
    }

    /// The built-in keyserver of a remote when it is known without the network: Apptainer's
    /// placeholder endpoint, or an earlier discovery answer in the cache.
    public func builtinKeyserver(of remote: Remote) -> String? {
        if let known = BuiltinServices.keyserver(forStoredURI: remote.uri) { return known }
        let base = EndpointURI.baseURL(stored: remote.uri, insecure: remote.insecure)
        return discoveryCache.catalog(for: base, ignoringAge: true)?.uri(of: "keyserver")
    }

    /// Applies `change`. With `expecting`, fails with `changedOnDisk` (and writes nothing) if
    /// either file no longer has those fingerprints, so that a UI never overwrites what another
    /// process wrote since it last read.
    @discardableResult
    public func apply(_ change: ConfigChange, expecting: ConfigState.Fingerprints? = nil) throws(RemotesError)
        -> ChangeOutcome
    {
        try prepareUserFolder()
        let userLock = try FileLock(for: locations.userFile, policy: lockPolicy)
        defer { userLock.unlock() }
        var systemLock: FileLock?
        defer { systemLock?.unlock() }
        var state = try load()
        if needsSystemFile(change, state: state) && isRoot {
            try FileSystem.makeFolders(FileSystem.dirname(locations.systemFile), mode: 0o755)
            systemLock = try FileLock(for: locations.systemFile, policy: lockPolicy)
            state = try load()
        }
        if let expecting, expecting != state.fingerprints {
            throw RemotesError(
                .changedOnDisk, "the configuration was changed by another program since it was read; reloaded")
        }
        var context = ChangeContext(state: state, isRoot: isRoot, builtinKeyserver: builtinKeyserver)
        try context.apply(change)
        var written: [String] = []
        var notices = context.notices
        if context.userChanged, context.user != state.user.config || !state.user.snapshot.exists {
            try write(context.user, to: state.user, system: false, notices: &notices)
            written.append(state.user.path)
        }
        if context.systemChanged, context.system != state.system.config || !state.system.snapshot.exists {
            try write(context.system, to: state.system, system: true, notices: &notices)
            written.append(state.system.path)
        }
        // The change is written; if the files cannot be read back (another writer broke them in
        // between), the state as it was before is returned rather than an error for a write that
        // succeeded.
        let after = written.isEmpty ? state : ((try? load()) ?? state)
        return ChangeOutcome(
            notices: state.notices + notices, state: after, writtenFiles: written, removedCount: context.removedCount)
    }

    /// Whether a change may have to write the system file (decides whether to lock it).
    private func needsSystemFile(_ change: ConfigChange, state: ConfigState) -> Bool {
        switch change {
        case .addRemote(_, _, _, let global, _), .removeRemote(_, let global): return global
        case .useRemote(_, let global, let exclusive): return global || exclusive
        case .addKeyserver(let remote, _, _, _), .removeKeyserver(let remote, _), .moveKeyserver(let remote, _, _):
            let name = remote ?? state.merged.active
            return state.merged.remotes[name]?.system ?? false
        default: return false
        }
    }

    /// Creates the user folder (0700) if needed, and keeps the standard one at 0700 as
    /// Apptainer does (by descriptor, and only a folder the user owns).
    private func prepareUserFolder() throws(RemotesError) {
        let folder = try PathWalker.folder(FileSystem.dirname(locations.userFile), createWith: 0o700)
        if locations.userFileIsStandard, folder.mode & 0o077 != 0, folder.owner == geteuid() {
            folder.setMode(0o700)
        }
    }

    private func write(_ config: RemoteConfig, to file: ConfigFile, system: Bool, notices: inout [Notice])
        throws(RemotesError)
    {
        let bytes = Array(ConfigCodec.encode(config).utf8)
        var tighten: mode_t?
        // A file that holds a secret is kept to its owner: always the standard file (as
        // Apptainer does), and any other user file (`--config`) once it holds a token or login.
        if !system && (locations.userFileIsStandard || config.holdsSecrets) {
            tighten = 0o600
            if file.snapshot.exists && file.snapshot.mode & 0o077 != 0 {
                notices.append(
                    .warning(
                        "File mode (\(String(file.snapshot.mode, radix: 8))) on \(file.path) needs to be 600, fixing that..."
                    ))
            }
        }
        let previous = file.snapshot.exists ? file.snapshot : nil
        let source = file.path
        try AtomicWriter.write(
            bytes, to: file.path, newFileMode: system ? 0o644 : 0o600, previous: previous, tightenTo: tighten,
            readsBackAs: { written in
                (try? ConfigCodec.decode(String(decoding: written, as: UTF8.self), source: source))?.config == config
            })
    }
}
