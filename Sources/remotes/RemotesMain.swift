import ArgumentParser
import Glibc

/// The entry point: the common forms of `list` and `login` are read by `QuickParse`, everything
/// else by ArgumentParser; both run the same command types the same way.
///
/// `list` is offline and synchronous, and is called directly on the main actor: awaiting it as
/// a nonisolated `async` function would start Swift concurrency's thread pool, a third of its
/// start-up time on Linux.
@main
enum RemotesMain {
    static func main() async {
        let command = QuickParse.command(Array(CommandLine.arguments.dropFirst()))
        if case .list(let globals, let format)? = command {
            do {
                try ListCommand.run(context: CommandContext(globals), format: format)
            } catch {
                RemotesCommand.exit(withError: error)
            }
            return
        }
        guard let command else {
            await RemotesCommand.main()
            return
        }
        do {
            try await command.run()
        } catch {
            RemotesCommand.exit(withError: error)
        }
    }
}
