import ArgumentParser
import RemotesCore

/// `remotes logout [NAME]`: clears an endpoint's token (the default remote's when no name).
struct LogoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout", abstract: "Log out from a remote endpoint (offline: the stored token is removed).")

    @OptionGroup var globals: GlobalOptions

    @Argument(help: "The remote (default: the default remote).")
    var name: String?

    func run() throws {
        let context = CommandContext(globals)
        try context.perform { () throws(RemotesError) in
            let state = try context.load()
            let target = name ?? state.merged.active
            guard !target.isEmpty else { throw .failed("no default remote: name the remote to log out of") }
            guard state.merged.remotes[target] != nil else { throw .failed("\(target) is not a remote") }
            try context.apply(.clearToken(remote: target))
        }
    }
}
