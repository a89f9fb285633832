import ArgumentParser
import RemotesCore

/// `remotes add NAME URI`.
struct AddCommand: ParsableCommand {
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

    @Argument(help: "The name of the new remote.")
    var name: String

    @Argument(help: "Its URI: https://HOST[:PORT][/PATH], HOST[/PATH], or http://… with --insecure.")
    var uri: String

    func run() throws {
        let context = CommandContext(globals)
        let insecure = insecure || context.environmentFlag("APPTAINER_ADD_INSECURE")
        try context.perform { () throws(RemotesError) in
            try context.apply(
                .addRemote(name: name, uri: uri, insecure: insecure, global: global, makeDefault: !noDefault))
            if global {
                if !noLogin { context.console.info("Global option detected. Will not automatically log into remote.") }
            } else if !noLogin {
                context.console.info(
                    "Logging in to endpoints is not available in this build yet; run 'remotes login \(name)' once it is."
                )
            }
        }
    }
}
