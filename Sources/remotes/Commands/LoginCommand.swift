import ArgumentParser
import RemotesCore

/// `remotes login [NAME|URI]`: an endpoint token (NAME, or the default remote), or a login to an
/// OCI registry (`docker://HOST`, `oras://HOST`) or a configured keyserver (`https://…`,
/// `hkp://…`). Every credential is checked with the server before anything is stored.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in to a remote endpoint, an OCI registry (docker://, oras://) or a keyserver.")

    @OptionGroup var globals: GlobalOptions

    @OptionGroup var options: LoginOptions

    @OptionGroup var discovery: DiscoveryOptions

    @Argument(
        help:
            "A remote name (default: the default remote), or docker://HOST[:PORT], oras://HOST[:PORT] or a keyserver URL."
    )
    var target: String?

    func validate() throws {
        if options.password != nil && options.passwordStdin {
            throw ValidationError("--password and --password-stdin cannot be used together")
        }
    }

    func run() async throws {
        try await Self.run(
            context: CommandContext(globals), options: options.settings, refresh: discovery.refresh, target: target)
    }

    /// Logs in to `target`: a registry or keyserver URI, else a remote (nil: the default one).
    static func run(context: CommandContext, options: LoginSettings, refresh: Bool, target: String?) async throws {
        if let target, target.contains("://") {
            if options.tokenfile != nil {
                context.console.fatal(
                    "--tokenfile is only supported for login to a remote endpoint, not OCI (docker/oras) or keyservers")
                throw ExitCode(RemotesExit.usage)
            }
            context.deprecated("remote login", running: "registry login", forRegistries: true)
            try await RegistryLogin.login(context: context, uri: target, options: options)
        } else {
            try await EndpointLogin.login(context: context, name: target, options: options, refresh: refresh)
        }
    }
}

/// The values of `login`'s flags.
struct LoginSettings: Equatable, Sendable {
    var username: String?
    var password: String?
    var passwordStdin = false
    var insecure = false
    var tokenfile: String?
    var authfile: String?
}

extension LoginOptions {
    /// The parsed values, as a plain value.
    var settings: LoginSettings {
        LoginSettings(
            username: username, password: password, passwordStdin: passwordStdin, insecure: insecure,
            tokenfile: tokenfile, authfile: authfile)
    }
}

/// The flags of `login` (shared by the `registry` and `keyserver` groups).
struct LoginOptions: ParsableArguments {
    @Option(
        name: [.short, .long],
        help: ArgumentHelp("Username to authenticate with (also APPTAINER_LOGIN_USERNAME).", valueName: "name"))
    var username: String?

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "Password or token to authenticate with. Visible to other users of the machine: prefer --password-stdin.",
            valueName: "secret"))
    var password: String?

    @Flag(name: .customLong("password-stdin"), help: "Take the password or token from standard input.")
    var passwordStdin = false

    @Flag(
        name: [.short, .long],
        help: "Allow http and skip TLS verification for this registry or keyserver (also APPTAINER_LOGIN_INSECURE).")
    var insecure = false

    @Option(help: ArgumentHelp("Path to the file holding the access token (remote endpoints only).", valueName: "file"))
    var tokenfile: String?

    @Option(
        help: ArgumentHelp(
            "The docker config file for registry logins (also APPTAINER_AUTH_FILE; default ~/.apptainer/docker-config.json if it exists, else ~/.docker/config.json).",
            valueName: "file"))
    var authfile: String?
}
