/// One `remote.yaml` as read: the snapshot of its bytes and the config parsed from them.
public struct ConfigFile: Sendable {
    /// The file's path.
    public var path: String
    /// The bytes, mode and fingerprint as read.
    public var snapshot: FileSnapshot
    /// The parsed config (the built-in default when `isBuiltin`).
    public var config: RemoteConfig
    /// Keys Apptainer does not know, found while reading.
    public var unknownKeys: [String]
    /// True when no system file exists and the built-in default stands in for it.
    public var isBuiltin: Bool

    /// Reads and parses `path`. A missing file gives an empty config, or `builtin` if given.
    public static func load(_ path: String, builtin: RemoteConfig?, refuseSymlink: Bool) throws(RemotesError)
        -> ConfigFile
    {
        let snapshot = try FileSnapshot.read(path, refuseSymlink: refuseSymlink)
        guard snapshot.exists else {
            return ConfigFile(
                path: path, snapshot: snapshot, config: builtin ?? RemoteConfig(), unknownKeys: [],
                isBuiltin: builtin != nil)
        }
        let decoded: ConfigCodec.Decoded
        do {
            decoded = try ConfigCodec.decode(snapshot.text, source: path)
        } catch {
            throw RemotesError(error.category, "while parsing remote config data: \(error.message)")
        }
        return ConfigFile(
            path: path, snapshot: snapshot, config: decoded.config, unknownKeys: decoded.unknownKeys, isBuiltin: false)
    }

    /// The WARNING for unknown keys, if there are any.
    public var unknownKeysNotice: Notice? {
        guard !unknownKeys.isEmpty else { return nil }
        return .warning(
            "\(path) has settings Apptainer does not know: \(unknownKeys.joined(separator: ", ")); they are kept as they are"
        )
    }
}
