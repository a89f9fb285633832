import ArgumentParser
import RemotesCore

/// `remotes add NAME URI`.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a new remote endpoint (and log in to it).")

    @OptionGroup var globals: GlobalOptions

    @Flag(name: [.short, .long], help: "Edit the list of globally configured remote endpoints (root only).")
    var global = false

    @Flag(
        name: [.short, .long],
        help: "Allow connection to an insecure http remote (also APPTAINER_ADD_INSECURE=true).")
    var insecure = false

    @Flag(name: [.short, .customLong("no-default")], help: "Do not make the new remote the default.")
    var noDefault = false

    @Flag(name: .customLong("no-login"), help: "Skip the automatic login step.")
    var noLogin = false

    @Option(help: ArgumentHelp("Path to the file holding the access token for the login.", valueName: "file"))
    var tokenfile: String?

    @Flag(name: .customLong("password-stdin"), help: "Take the access token for the login from standard input.")
    var passwordStdin = false

    @OptionGroup var discovery: DiscoveryOptions

    @Argument(help: "The name of the new remote.")
    var name: String

    @Argument(help: "Its URI: https://HOST[:PORT][/PATH], HOST[/PATH], or http://… with --insecure.")
    var uri: String

    func validate() throws {
        if tokenfile != nil && passwordStdin {
            throw ValidationError("--tokenfile and --password-stdin cannot be used together")
        }
    }

    func run() async throws {
        let context = CommandContext(globals)
        let insecure = insecure || context.environmentFlag("APPTAINER_ADD_INSECURE")
        try context.perform { () throws(RemotesError) in
            try context.apply(
                .addRemote(name: name, uri: uri, insecure: insecure, global: global, makeDefault: !noDefault))
        }
        if noLogin { return }
        if global {
            context.console.info("Global option detected. Will not automatically log into remote.")
            return
        }
        try await EndpointLogin.afterAdd(
            context: context, name: name, tokenfile: tokenfile, passwordStdin: passwordStdin, refresh: discovery.refresh
        )
    }
}
