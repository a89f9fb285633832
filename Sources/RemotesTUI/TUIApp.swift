import Glibc
import RemotesCore

/// The full-screen UI's entry point.
public enum TUIApp {
    /// Runs the UI on the process's terminal until the user quits, and restores the terminal
    /// on `q`, Ctrl-C, SIGTERM, SIGHUP or a start failure. Returns the exit code: 0 after `q`,
    /// 128 + the signal's number after a signal, 1 when there is no usable terminal.
    ///
    /// Call it on the main thread (from `main.swift`); network work runs in tasks of its own.
    @MainActor
    public static func run(
        store: ConfigStore, services: any TUIServices, options: TUIOptions = TUIOptions()
    ) -> Int32 {
        guard isatty(0) == 1, isatty(1) == 1 else {
            printError("remotes: the full-screen UI needs a terminal on standard input and output; use --batch")
            return 1
        }
        let session: TerminalSession
        do {
            session = try TerminalSession.start(environment: options.environment, mouse: options.mouse)
        } catch {
            printError("remotes: \(error.message)")
            return 1
        }
        defer { session.end() }
        let screen = CursesScreen(monochrome: options.monochrome)
        let loop = EventLoop(
            store: store, services: services, screen: screen, glyphs: session.utf8 ? .unicode : .ascii,
            environment: options.environment)
        return loop.run(
            input: CursesInput(), pollMilliseconds: options.pollMilliseconds,
            stopAfterFirstFrame: options.exitAfterFirstFrame, caughtSignal: SignalWatch.take)
    }

    private static func printError(_ text: String) {
        FileSystem.writeAll(2, Array((TerminalSafe.escaped(text) + "\n").utf8))
    }
}
