import Foundation
import RemotesCore

/// A temporary folder with a user and a system remote.yaml path, removed on deinit.
final class Sandbox {
    let folder: String
    var userFile: String { folder + "/home/.apptainer/remote.yaml" }
    var systemFile: String { folder + "/etc/apptainer/remote.yaml" }

    init() {
        folder = NSTemporaryDirectory() + "remotes-core-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: folder + "/etc/apptainer", withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: folder + "/home", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    var locations: ConfigLocations {
        ConfigLocations(
            flavor: .apptainer, userFile: userFile, userFileIsStandard: true,
            userFolder: folder + "/home/.apptainer", systemFile: systemFile,
            systemSource: FileSystem.exists(systemFile) ? .flag : .builtin, home: folder + "/home")
    }

    func store(root: Bool) -> ConfigStore { ConfigStore(locations: locations, isRoot: root) }

    func write(_ path: String, _ text: String) {
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes a system file with the given remotes (all `System: true`).
    func writeSystem(active: String, _ remotes: [String: Remote]) {
        var config = RemoteConfig(active: active)
        for (name, var remote) in remotes {
            remote.system = true
            config.remotes[name] = remote
        }
        write(systemFile, ConfigCodec.encode(config))
    }

    func writeUser(_ config: RemoteConfig) { write(userFile, ConfigCodec.encode(config)) }

    func userConfig() throws -> RemoteConfig {
        try ConfigCodec.decode(read(userFile) ?? "", source: userFile).config
    }

    func systemConfig() throws -> RemoteConfig {
        try ConfigCodec.decode(read(systemFile) ?? "", source: systemFile).config
    }
}

/// Runs `body` and returns the RemotesError it throws (nil when it does not throw).
func failure(_ body: () throws(RemotesError) -> Void) -> RemotesError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}
