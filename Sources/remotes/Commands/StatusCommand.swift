import ArgumentParser
import RemotesCore

/// `remotes status [NAME] [--all]`: service discovery, then every service's version, then the
/// token (the endpoint-network issue).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Check the status of the services at an endpoint, and your authentication token.")

    @OptionGroup var globals: GlobalOptions

    @Argument(help: "The remote (default: the default remote).")
    var name: String?

    func run() async throws {
        let context = CommandContext(globals)
        context.console.fatal("status is not available in this build yet")
        throw ExitCode(RemotesExit.failed)
    }
}
