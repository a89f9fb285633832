import ArgumentParser
import Glibc
import RemotesCore
import RemotesNetwork
import RemotesTUI

/// `remotes`: with a subcommand, the batch command line; without one, the terminal UI.
struct RemotesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remotes",
        abstract: "Manage Apptainer remote endpoints, keyservers and registry logins.",
        discussion: """
            Without a subcommand, remotes opens a full-screen terminal UI on the same files. \
            Every subcommand also works in scripts with --batch, which never prompts.
            """,
        version: RemotesVersion.current,
        subcommands: [
            ListCommand.self, AddCommand.self, RemoveCommand.self, UseCommand.self, AddKeyserverCommand.self,
            RemoveKeyserverCommand.self, LoginCommand.self, LogoutCommand.self, StatusCommand.self,
            KeyserverCommand.self, RegistryCommand.self, GetLoginPasswordCommand.self,
        ])

    @OptionGroup var globals: GlobalOptions

    @Flag(
        name: .customLong("no-mouse"),
        help:
            "In the terminal UI, leave the mouse to the terminal (its own text selection) instead of clicks and the wheel."
    )
    var noMouse = false

    func run() async throws {
        let context = CommandContext(globals)
        if globals.batch {
            context.console.fatal("--batch needs a subcommand (see 'remotes --help')")
            throw ExitCode(RemotesExit.usage)
        }
        guard isatty(0) == 1 && isatty(1) == 1 else {
            context.console.fatal(
                "the terminal UI needs a terminal on stdin and stdout; use a subcommand instead (see 'remotes --help')")
            throw ExitCode(RemotesExit.usage)
        }
        // The UI applies changes on its own thread: it waits for a lock at most one second (then
        // says another process is editing), and never prints about the wait over the screen.
        var store = context.store
        store.lockPolicy = LockPolicy(timeout: min(store.lockPolicy.timeout, .seconds(1)))
        let options = TUIOptions(noColor: globals.noColor, mouse: !noMouse, environment: context.environment)
        let fetcher: HTTPFetcher
        do {
            fetcher = try HTTPFetcher(settings: context.httpSettings)
        } catch {
            context.console.fatal(error.message)
            throw ExitCode(RemotesExit.code(for: error))
        }
        let services = NetworkServices(store: store, fetcher: fetcher, environment: context.environment)
        let code = await MainActor.run { TUIApp.run(store: store, services: services, options: options) }
        await fetcher.shutdown()
        if code != 0 { throw ExitCode(code) }
    }
}
