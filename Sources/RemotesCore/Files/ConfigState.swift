/// Both config files as read, and the merged view every front end shows.
public struct ConfigState: Sendable {
    /// The fingerprints of both files, to notice changes made by other processes.
    public struct Fingerprints: Sendable, Equatable {
        /// The user file's.
        public var user: FileFingerprint
        /// The system file's.
        public var system: FileFingerprint
    }

    /// Where the files are.
    public var locations: ConfigLocations
    /// The user file, raw.
    public var user: ConfigFile
    /// The system file, raw (or the built-in default).
    public var system: ConfigFile
    /// The user config with the system config merged in.
    public var merged: RemoteConfig
    /// What reading and merging had to say (unknown keys, name clashes, dropped copies).
    public var notices: [Notice]

    /// The fingerprints of both files as read.
    public var fingerprints: Fingerprints {
        Fingerprints(user: user.snapshot.fingerprint, system: system.snapshot.fingerprint)
    }

    /// Reads both files and merges them.
    public static func load(_ locations: ConfigLocations) throws(RemotesError) -> ConfigState {
        let flavor = locations.flavor
        let user = try ConfigFile.load(locations.userFile, builtin: nil, refuseSymlink: flavor.refusesSymlinks)
        let system = try ConfigFile.load(
            locations.systemFile, builtin: flavor.builtinSystemConfig, refuseSymlink: flavor.refusesSymlinks)
        var notices = [user.unknownKeysNotice, system.unknownKeysNotice].compactMap { $0 }
        let (merged, mergeNotices) = try Merge.sync(user: user.config, system: system.config, flavor: flavor)
        notices += mergeNotices
        return ConfigState(locations: locations, user: user, system: system, merged: merged, notices: notices)
    }

    /// The fingerprints the files have on disk now.
    public static func currentFingerprints(_ locations: ConfigLocations) -> Fingerprints {
        Fingerprints(
            user: FileSnapshot.fingerprint(locations.userFile), system: FileSnapshot.fingerprint(locations.systemFile))
    }
}
