import ArgumentParser
import RemotesCore

/// `remotes registry login|logout|list`: Apptainer ≥ 1.3's OCI registry commands, on the same
/// implementation as `login docker://…` and `logout docker://…`.
struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry", abstract: "Manage logins to OCI registries (docker://, oras://).",
        subcommands: [Login.self, Logout.self, List.self])

    /// `registry login [-u U] [--password-stdin] [--authfile F] URI`.
    struct Login: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log in to an OCI registry (the credentials are checked with it first).")

        @OptionGroup var globals: GlobalOptions
        @OptionGroup var options: LoginOptions

        @Argument(help: "docker://HOST[:PORT] or oras://HOST[:PORT] (or a keyserver URL).")
        var uri: String

        func validate() throws {
            if options.password != nil && options.passwordStdin {
                throw ValidationError("--password and --password-stdin cannot be used together")
            }
            if options.tokenfile != nil {
                throw ValidationError(
                    "--tokenfile is only supported for login to a remote endpoint, not OCI (docker/oras) or keyservers")
            }
        }

        func run() async throws {
            try await RegistryLogin.login(context: CommandContext(globals), uri: uri, options: options.settings)
        }
    }

    /// `registry logout [--authfile F] URI`.
    struct Logout: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Log out of an OCI registry.")

        @OptionGroup var globals: GlobalOptions

        @Option(
            help: ArgumentHelp("The docker config file (also APPTAINER_AUTH_FILE).", valueName: "file"))
        var authfile: String?

        @Argument(help: "docker://HOST[:PORT] or oras://HOST[:PORT] (or a keyserver URL).")
        var uri: String

        func run() async throws {
            try await RegistryLogin.logout(context: CommandContext(globals), uri: uri, authfile: authfile)
        }
    }

    /// `registry list`: every login (registries and keyservers) with its security.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the logins to registries and keyservers.")

        @OptionGroup var globals: GlobalOptions

        func run() throws {
            let context = CommandContext(globals)
            try context.perform { () throws(RemotesError) in
                let state = try context.load()
                var table = TabWriter()
                table.row("URI", "SECURE?")
                for credential in state.merged.credentials {
                    table.row(credential.uri, credential.insecure ? "✗!" : "✓")
                }
                context.console.out("\n" + table.render())
            }
        }
    }
}
