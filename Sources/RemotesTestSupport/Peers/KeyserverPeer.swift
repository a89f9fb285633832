import Foundation

/// Debian's `sks` keyserver (`sks db`) with an empty key database on a free 127.0.0.1 port.
public final class KeyserverPeer: Sendable {
    /// The HKP port it listens on.
    public let port: Int

    private let folder: TemporaryFolder
    private let process: RunningProcess

    private init(port: Int, folder: TemporaryFolder, process: RunningProcess) {
        self.port = port
        self.folder = folder
        self.process = process
    }

    /// Builds an empty database and starts `sks db`; waits until `/pks/lookup` answers (404 for an
    /// unknown key is fine). Needs sks.
    public static func start() async throws -> KeyserverPeer {
        try PeerAvailability.require(.sks)
        guard let sks = PeerAvailability.path(of: .sks) else { throw PeerError.notInstalled([.sks]) }
        let folder = try TemporaryFolder(prefix: "remotes-sks")
        // Debian's sks puts -basedir in front of its absolute paths (/etc/sks, /var/lib/sks …).
        for sub in ["etc/sks", "var/lib/sks/dump", "var/lib/sks/www", "var/run/sks", "var/spool/sks", "var/log/sks"] {
            try folder.makeFolder(sub)
        }
        try folder.write("", to: "etc/sks/membership")
        try folder.write("", to: "etc/sks/mailsync")
        let build = try await TestProcess.run(
            sks,
            ["build", "-basedir", folder.path, "-n", "1", "-cache", "10"],
            workingDirectory: folder.path,
            timeout: .seconds(60)
        )
        guard build.succeeded else {
            throw PeerError.setupFailed(step: "sks build", output: build.stdout + build.stderr)
        }
        var lastError: any Error = PeerError.notReady(peer: "sks", detail: "not started")
        for _ in 0..<3 {
            let port = try FreePort.next()
            try folder.write(configuration(hkpPort: port, reconPort: try FreePort.next()), to: "etc/sks/sksconf")
            let process = try TestProcess.spawn(sks, ["db", "-basedir", folder.path], workingDirectory: folder.path)
            do {
                _ = try await HTTPProbe.waitUntilAnswering(
                    "http://127.0.0.1:\(port)/pks/lookup?op=index&search=x",
                    timeout: .seconds(20),
                    whileRunning: process
                )
                return KeyserverPeer(port: port, folder: folder, process: process)
            } catch {
                lastError = error
                await process.terminate(grace: .seconds(2))
            }
        }
        folder.remove()
        throw lastError
    }

    /// Starts a keyserver, runs `body` with it and stops it afterwards, also when `body` throws.
    public static func with<T>(
        _ body: (KeyserverPeer) async throws -> T,
        isolation: isolated (any Actor)? = #isolation
    ) async throws -> T {
        let peer = try await start()
        do {
            let result = try await body(peer)
            await peer.stop()
            return result
        } catch {
            await peer.stop()
            throw error
        }
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// `hkp://127.0.0.1:<port>`.
    public var hkpURL: String { "hkp://127.0.0.1:\(port)" }

    /// True while the process runs.
    public var isRunning: Bool { process.isRunning }

    /// What sks wrote to its own log file and to standard error so far.
    public var log: String {
        let file = (try? String(contentsOfFile: folder.path("var/log/sks/db.log"), encoding: .utf8)) ?? ""
        return file + process.standardError
    }

    /// Stops it (SIGTERM, then SIGKILL), reaps it and removes its database.
    public func stop() async {
        await process.terminate(grace: .seconds(3))
        folder.remove()
    }

    private static func configuration(hkpPort: Int, reconPort: Int) -> String {
        """
        hostname: localhost
        hkp_address: 127.0.0.1
        hkp_port: \(hkpPort)
        recon_address: 127.0.0.1
        recon_port: \(reconPort)
        pagesize: 16
        ptree_pagesize: 16
        initial_stat:
        disable_mailsync:
        membership_reload_interval: 1

        """
    }
}
