import ArgumentParser
import RemotesCore

/// `remotes list`: endpoints, the default remote's keyservers and the logins.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List all remote endpoints, keyservers and logins that are configured.")

    @OptionGroup var globals: GlobalOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws { try Self.run(context: CommandContext(globals), format: format) }

    /// Prints the list in `format`.
    static func run(context: CommandContext, format: OutputFormat) throws {
        try context.perform { () throws(RemotesError) in
            let state = try context.load()
            let dockerConfigs = DockerConfigSnapshot.read(
                authFile: nil, environment: context.environment, locations: state.locations)
            let overview = ConfigOverview(
                state: state, builtinKeyserver: context.store.builtinKeyserver, dockerConfigs: dockerConfigs)
            context.console.notices(overview.loginNotices)
            switch format {
            case .text:
                context.console.out(ListRenderer.text(overview, locations: state.locations))
                if let name = overview.defaultRemote, overview.keyservers.contains(where: { $0.uri == nil }) {
                    context.console.info(
                        "The built-in keyserver of \"\(name)\" comes from its service discovery, which has not been fetched yet ('remotes status \(name)' fetches it)."
                    )
                }
            case .json:
                context.console.out(
                    ListRenderer.json(overview, locations: state.locations, systemIsBuiltin: state.system.isBuiltin))
            }
        }
    }
}

/// `--format` values.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text
    case json
}
