import ArgumentParser
import RemotesCore

/// `remotes registry login|logout|list`: Apptainer ≥ 1.3's OCI registry commands, on the same
/// implementation as `login docker://…` and `logout docker://…`; and ours, `status` (every
/// stored login checked again) and `which` (the credential a pull would send).
struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry", abstract: "Manage logins to OCI registries (docker://, oras://).",
        subcommands: [Login.self, Logout.self, List.self, Status.self, Which.self])

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

        @Flag(help: ArgumentHelp(LogoutCommand.everywhereHelp))
        var everywhere = false

        @Argument(help: "docker://HOST[:PORT] or oras://HOST[:PORT] (or a keyserver URL).")
        var uri: String

        func run() async throws {
            try await RegistryLogin.logout(
                context: CommandContext(globals), uri: uri, authfile: authfile, everywhere: everywhere)
        }
    }

    /// `registry list`: every login (registries and keyservers) with its security and where its
    /// secret is, including registry credentials found only in docker config files.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the logins to registries and keyservers, and where each secret is stored.")

        @OptionGroup var globals: GlobalOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @Option(
            help: ArgumentHelp(
                "A docker config file Apptainer would read first (also APPTAINER_AUTH_FILE).", valueName: "file"))
        var authfile: String?

        func run() throws {
            let context = CommandContext(globals)
            try context.perform { () throws(RemotesError) in
                let state = try context.load()
                let files = DockerConfigSnapshot.read(
                    authFile: authfile, environment: context.environment, locations: state.locations)
                context.console.notices(files.notices)
                let logins = StoredLogins.rows(
                    credentials: state.merged.credentials, userFile: state.locations.userFile, files: files)
                switch format {
                case .text: context.console.out(LoginsRenderer.listText(logins))
                case .json: context.console.out(LoginsRenderer.listJSON(logins))
                }
            }
        }
    }
}
