import Foundation
import RemotesTestSupport
import Testing

/// A private home folder, a system file path and a way to run the built `remotes` binary in
/// them. Nothing outside the temporary folder is read or written: `HOME` points inside it and
/// `REMOTES_SYSTEM_CONFIG` names the system file.
final class CLISandbox: Sendable {
    let folder: TemporaryFolder
    let binary: String

    /// `worldTraversable` lets `nobody` reach the files (for the non-root tests).
    init(worldTraversable: Bool = false) throws {
        folder = try TemporaryFolder(prefix: "remotes-e2e", worldTraversable: worldTraversable)
        binary = try #require(PackagePaths.builtProduct("remotes"), "build the remotes binary first (swift build)")
        _ = try folder.makeFolder("home", mode: 0o755)
        _ = try folder.makeFolder("etc", mode: 0o755)
    }

    var home: String { folder.path("home") }
    /// `~/.apptainer/remote.yaml` of the sandbox.
    var userFile: String { folder.path("home/.apptainer/remote.yaml") }
    /// The system file the binary is told to use.
    var systemFile: String { folder.path("etc/remote.yaml") }

    /// The environment of a run: a clean one, with the sandbox's HOME and system file (and the
    /// sanitizer settings of scripts/sanitize.sh, so that a sanitized binary reports the same way).
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env: [String: String] = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8",
            "REMOTES_SYSTEM_CONFIG": systemFile,
        ]
        let ours = ProcessInfo.processInfo.environment
        for name in ["ASAN_OPTIONS", "TSAN_OPTIONS", "LSAN_OPTIONS", "SWIFT_BACKTRACE"] {
            if let value = ours[name] { env[name] = value }
        }
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Runs `remotes` with `arguments`.
    func run(
        _ arguments: [String], stdin: String = "", environment extra: [String: String] = [:],
        timeout: Duration = .seconds(30)
    ) async throws -> ProcessResult {
        try await TestProcess.run(
            binary, arguments, environment: environment(extra), standardInput: Array(stdin.utf8),
            workingDirectory: folder.path, timeout: timeout)
    }

    /// Runs `remotes` as nobody:nogroup (needs root).
    func runAsNobody(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> ProcessResult {
        try await TestProcess.runUnprivileged(
            binary, arguments, environment: environment(extra), workingDirectory: folder.path)
    }

    /// Writes a file (creating folders).
    func write(_ path: String, _ text: String, mode: Int = 0o644) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        chmod(path, mode_t(mode))
    }

    /// A file's text, nil when missing.
    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A file's permission bits.
    func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil
    }
}
