import ArgumentParser
import RemotesCore

/// `remotes remove NAME`.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove an existing remote endpoint.")

    @OptionGroup var globals: GlobalOptions

    @Flag(name: [.short, .long], help: "Edit the list of globally configured remote endpoints (root only).")
    var global = false

    @Argument(help: "The remote to remove.")
    var name: String

    func run() throws {
        let context = CommandContext(globals)
        try context.perform { () throws(RemotesError) in
            try context.apply(.removeRemote(name: name, global: global))
        }
    }
}
