import ArgumentParser
import RemotesCore

/// `remotes logout [NAME|URI]`: clears an endpoint's token (offline; the default remote's when no
/// name), or removes a registry or keyserver login.
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout", abstract: "Log out from a remote endpoint, an OCI registry or a keyserver.")

    @OptionGroup var globals: GlobalOptions

    @Option(
        help: ArgumentHelp(
            "The docker config file for registry logins (also APPTAINER_AUTH_FILE).", valueName: "file"))
    var authfile: String?

    @Argument(help: "A remote name (default: the default remote), or the URI of a registry or keyserver login.")
    var target: String?

    func run() async throws {
        let context = CommandContext(globals)
        if let target, target.contains("://") {
            context.deprecated("remote logout", running: "registry logout", forRegistries: true)
            try await RegistryLogin.logout(context: context, uri: target, authfile: authfile)
            return
        }
        try context.perform { () throws(RemotesError) in
            let state = try context.load()
            let name = target ?? state.merged.active
            guard !name.isEmpty else { throw .failed("no default remote: name the remote to log out of") }
            guard state.merged.remotes[name] != nil else { throw .failed("\(name) is not a remote") }
            try context.apply(.clearToken(remote: name))
        }
    }
}
