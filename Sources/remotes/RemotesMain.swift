import ArgumentParser
import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The entry point: the common forms of `list` and `login` are read by `QuickParse`, everything
/// else by ArgumentParser; both run the same command types the same way.
///
/// `main` is synchronous so that `list`, which is offline and synchronous, runs without starting
/// Swift concurrency's thread pool (a third of its start-up time on Linux); every other command
/// runs in a task while the main queue is served, as an `async` main would do.
@main
enum RemotesMain {
    static func main() {
        let command = QuickParse.command(Array(CommandLine.arguments.dropFirst()))
        if case .list(let globals, let format)? = command {
            do {
                try ListCommand.run(context: CommandContext(globals), format: format)
            } catch {
                RemotesCommand.exit(withError: error)
            }
            return
        }
        // On the main actor, as an `async` main runs: the UI expects the main thread.
        Task { @MainActor in
            if let command {
                do {
                    try await command.run()
                } catch {
                    RemotesCommand.exit(withError: error)
                }
            } else {
                await RemotesCommand.main()
            }
            exit(0)
        }
        dispatchMain()
    }
}
