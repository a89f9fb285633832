import ArgumentParser
import RemotesCore

/// `remotes use NAME`.
struct UseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "use", abstract: "Set a remote endpoint to be actively used (the default).")

    @OptionGroup var globals: GlobalOptions

    @Flag(name: [.short, .long], help: "Edit the list of globally configured remote endpoints (root only).")
    var global = false

    @Flag(name: [.short, .long], help: "Set the endpoint as exclusive (root user only, implies --global).")
    var exclusive = false

    @Argument(help: "The remote to use.")
    var name: String

    func run() throws {
        let context = CommandContext(globals)
        try context.perform { () throws(RemotesError) in
            try context.apply(.useRemote(name: name, global: global, exclusive: exclusive))
        }
    }
}
