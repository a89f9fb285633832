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

    @Flag(help: ArgumentHelp(LogoutCommand.everywhereHelp))
    var everywhere = false

    @Argument(help: "A remote name (default: the default remote), or the URI of a registry or keyserver login.")
    var target: String?

    /// The help of `--everywhere`.
    static let everywhereHelp =
        "Remove a registry's login from every docker config file remotes knows, the credential helpers they name, and remote.yaml."

    func validate() throws {
        if everywhere && !(target ?? "").contains("://") {
            throw ValidationError("--everywhere is for registry logins: give docker://HOST or oras://HOST")
        }
    }

    func run() async throws {
        let context = CommandContext(globals)
        if let target, target.contains("://") {
            context.deprecated("remote logout", running: "registry logout", forRegistries: true)
            try await RegistryLogin.logout(context: context, uri: target, authfile: authfile, everywhere: everywhere)
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
