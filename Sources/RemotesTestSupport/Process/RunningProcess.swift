import Foundation
import NIOConcurrencyHelpers

/// A long-running child started by `TestProcess.spawn`; its output goes to log files.
///
/// Stop it with `terminate()`. If it is dropped while running, it is killed (SIGKILL to its process
/// group) and reaped, so tests leak neither processes nor zombies.
public final class RunningProcess: Sendable {
    /// The child's pid, also its process group id.
    public let pid: Int32
    /// The executable and arguments it was started with.
    public let command: [String]
    /// The file that receives its standard output.
    public let standardOutputPath: String
    /// The file that receives its standard error.
    public let standardErrorPath: String

    private let logs: TemporaryFolder
    private let ended = NIOLockedValueBox<ProcessExit?>(nil)

    init(pid: Int32, command: [String], logs: TemporaryFolder) {
        self.pid = pid
        self.command = command
        self.logs = logs
        standardOutputPath = logs.path("stdout")
        standardErrorPath = logs.path("stderr")
    }

    /// How it ended, reaping it if it has; `nil` while it runs.
    public var exitStatus: ProcessExit? {
        ended.withLockedValue { ended in
            if ended == nil { ended = Spawner.reapIfExited(pid) }
            return ended
        }
    }

    /// True until the process has ended.
    public var isRunning: Bool { exitStatus == nil }

    /// Its standard output so far.
    public var standardOutput: String { Self.read(standardOutputPath) }

    /// Its standard error so far.
    public var standardError: String { Self.read(standardErrorPath) }

    /// Sends `signal` to its process group (nothing once it has been reaped).
    public func send(signal: Int32) {
        ended.withLockedValue { ended in
            if ended == nil { Spawner.signalGroup(pid, signal) }
        }
    }

    /// Waits up to `timeout` for the process to end; `nil` if it still runs.
    public func waitForExit(timeout: Duration) async -> ProcessExit? {
        let deadline = ContinuousClock.now + timeout
        var pause = Duration.milliseconds(1)
        while true {
            if let exit = exitStatus { return exit }
            if ContinuousClock.now >= deadline || Task.isCancelled { return nil }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(20))
        }
    }

    /// Sends SIGTERM (or `signal`), waits up to `grace`, then SIGKILLs; returns how it ended.
    @discardableResult
    public func terminate(signal: Int32 = SIGTERM, grace: Duration = .seconds(5)) async -> ProcessExit {
        send(signal: signal)
        if let exit = await waitForExit(timeout: grace) { return exit }
        return killAndReap()
    }

    /// Waits until `text` shows up in standard output (or error, when `inStandardError`), and
    /// returns that whole stream. Throws if the process ends first or `timeout` (stretched by
    /// `SanitizerSlack`) runs out.
    @discardableResult
    public func waitForOutput(
        containing text: String,
        inStandardError: Bool = false,
        timeout: Duration = .seconds(10)
    ) async throws -> String {
        let file = inStandardError ? standardErrorPath : standardOutputPath
        let deadline = ContinuousClock.now + SanitizerSlack.scaled(timeout)
        while true {
            let output = Self.read(file)
            if output.contains(text) { return output }
            if let exit = exitStatus {
                throw TestProcessError.timedOut(
                    "\(command.joined(separator: " ")) ended (\(exit)) before printing \(text): \(standardError)"
                )
            }
            if ContinuousClock.now >= deadline {
                throw TestProcessError.timedOut("\(command.joined(separator: " ")) never printed \(text)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    private func killAndReap() -> ProcessExit {
        ended.withLockedValue { ended in
            if let ended { return ended }
            Spawner.signalGroup(pid, SIGKILL)
            let exit = Spawner.reapBlocking(pid)
            ended = exit
            return exit
        }
    }

    private static func read(_ file: String) -> String {
        guard let data = FileManager.default.contents(atPath: file) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    deinit {
        _ = killAndReap()
    }
}
