import Foundation
import RemotesTestSupport
import Testing

/// The home of a user who has used remotes for a while, for the bad-input catalogue: a user
/// file with three remotes, a keyserver and a keyserver login; a system file; a docker config
/// with a registry login; a discovery cache entry; the lock files earlier writes left; token
/// files. Optionally a remote `srv` (with an external keyserver) on a test server.
struct BadInputSandbox: Sendable {
    let box: CLISandbox
    /// `host:port` of the case's server ("127.0.0.1:1", where nothing listens, without one).
    let hostPort: String
    /// `http` or `https`.
    let scheme: String
    /// The test CA (for `--ca-file`), when certificates were made.
    let caFile: String

    var folder: String { box.folder.path }
    var home: String { box.home }
    var userFolder: String { box.home + "/.apptainer" }
    var userFile: String { box.userFile }
    var systemFile: String { box.systemFile }
    var dockerFolder: String { box.home + "/.docker" }
    var dockerConfig: String { box.home + "/.docker/config.json" }
    var cacheFolder: String { userFolder + "/remote-cache" }
    /// The endpoint URI of `srv`.
    var endpoint: String { "\(scheme)://\(hostPort)/ep" }
    /// The external keyserver of `srv` (the same server: it answers `/pks/lookup`).
    var keyserver: String { "\(scheme)://\(hostPort)" }
    /// A token file that passes the length rules (the server does not know the token).
    var tokenFile: String { box.folder.path("tokens/token") }

    /// The old keyserver login's secret and the registry login's, which must never change.
    static let keyserverAuth = "Basic " + Data("alice:old-keyserver-secret".utf8).base64EncodedString()
    static let registryAuth = Data("bob:old-registry-secret".utf8).base64EncodedString()

    static let systemText = """
        Active: DefaultRemote
        Remotes:
            DefaultRemote:
                URI: cloud.apptainer.org
                System: true
                Exclusive: false

        """

    static let cachedDiscovery = """
        {"keyserverAPI":{"uri":"https://keys.cached.example.org"},"libraryAPI":{"uri":"https://library.cached.example.org"}}
        """

    /// The user file, with `srv` when there is a server.
    func userText(withServer: Bool) -> String {
        var text = """
            Active: lab
            Remotes:
                cached:
                    URI: cached.example.org
                    System: false
                    Exclusive: false
                lab:
                    URI: lab.example.org
                    System: false
                    Exclusive: false
                    Keyservers:
                        - URI: https://keys.lab.example.org
                          Skip: false
                          External: true
                          Insecure: false

            """
        if withServer {
            text += """
                    srv:
                        URI: \(endpoint)
                        System: false
                        Exclusive: false

                """
            if scheme == "http" { text += "        Insecure: true\n" }
            text += """
                        Keyservers:
                            - URI: \(keyserver)
                              Skip: false
                              External: true
                              Insecure: false

                """
        }
        text += """
            Credentials:
                - URI: https://keys.lab.example.org
                  Auth: \(Self.keyserverAuth)
                  Insecure: false

            """
        return text
    }

    /// Writes the used home. `worldTraversable` (for cases run as nobody) hands the home to nobody.
    init(hostPort: String?, scheme: String, caFile: String, asNobody: Bool) throws {
        box = try CLISandbox(worldTraversable: asNobody)
        self.hostPort = hostPort ?? "127.0.0.1:1"
        self.scheme = scheme
        self.caFile = caFile
        let f = box.folder
        _ = try f.makeFolder("home/.apptainer", mode: 0o700)
        try f.write(userText(withServer: hostPort != nil), to: "home/.apptainer/remote.yaml", mode: 0o600)
        try f.write("", to: "home/.apptainer/remote.yaml.lock", mode: 0o600)
        _ = try f.makeFolder("home/.apptainer/remote-cache", mode: 0o700)
        try f.write(Self.cachedDiscovery, to: "home/.apptainer/remote-cache/https-cached-example-org.json", mode: 0o600)
        try f.write(Self.systemText, to: "etc/remote.yaml", mode: 0o644)
        _ = try f.makeFolder("home/.docker", mode: 0o700)
        try f.write(
            "{\n\t\"auths\": {\n\t\t\"old.example:5000\": {\n\t\t\t\"auth\": \"\(Self.registryAuth)\"\n\t\t}\n\t}\n}",
            to: "home/.docker/config.json", mode: 0o600)
        try f.write("", to: "home/.docker/config.json.lock", mode: 0o600)
        _ = try f.makeFolder("tokens", mode: 0o700)
        try f.write(validLengthToken("unknown-to-the-server") + "\n", to: "tokens/token", mode: 0o600)
        try f.write("short-token\n", to: "tokens/short", mode: 0o600)
        if asNobody { try f.giveToNobody("home") }
    }

    /// Replaces `path` (absolute) with `bytes` and `mode`.
    func replace(_ path: String, with bytes: [UInt8], mode: Int = 0o600) throws {
        try? FileManager.default.removeItem(atPath: path)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        chmod(path, mode_t(mode))
    }

    /// Replaces `path` with `text`.
    func replace(_ path: String, with text: String, mode: Int = 0o600) throws {
        try replace(path, with: Array(text.utf8), mode: mode)
    }

    /// Replaces `path` with a folder.
    func replaceWithFolder(_ path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    /// Replaces `path` with a symbolic link to `target`.
    func replaceWithSymlink(_ path: String, to target: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    /// Replaces `path` with a FIFO.
    func replaceWithFIFO(_ path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        guard mkfifo(path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Gives `path` to root with mode 0600, so that nobody cannot read it.
    func makeUnreadableForNobody(_ path: String) {
        chown(path, 0, 0)
        chmod(path, 0o600)
    }

    /// Replaces the placeholders of a catalogue case.
    func expand(_ text: String) -> String {
        text.replacingOccurrences(of: "{USER}", with: userFile)
            .replacingOccurrences(of: "{SYSTEM}", with: systemFile)
            .replacingOccurrences(of: "{DOCKER}", with: dockerConfig)
            .replacingOccurrences(of: "{F}", with: folder)
            .replacingOccurrences(of: "{EP}", with: endpoint)
            .replacingOccurrences(of: "{KS}", with: keyserver)
            .replacingOccurrences(of: "{HP}", with: hostPort)
            .replacingOccurrences(of: "{CA}", with: caFile)
            .replacingOccurrences(of: "{TOKEN}", with: tokenFile)
    }
}
