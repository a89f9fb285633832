import ArgumentParser
import RemotesCore
import RemotesNetwork

/// `remotes keyserver add|remove|list|login|logout`: Apptainer ≥ 1.3's keyserver commands, on the
/// same implementations as `add-keyserver`, `remove-keyserver` and `login URL`.
struct KeyserverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyserver", abstract: "Manage the keyservers of remote endpoints, and logins to them.",
        subcommands: [Add.self, Remove.self, List.self, Login.self, Logout.self])

    /// `keyserver add [-o N] [-i] [REMOTE] URL`.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a keyserver to a remote's list (the default remote when none is named).")

        @OptionGroup var globals: GlobalOptions
        @OptionGroup var keyserver: KeyserverAddArguments

        func run() async throws { try await keyserver.run(CommandContext(globals)) }
    }

    /// `keyserver remove [REMOTE] URL`.
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a keyserver from a remote's list (the default remote when none is named).")

        @OptionGroup var globals: GlobalOptions
        @OptionGroup var keyserver: KeyserverRemoveArguments

        func run() async throws { try await keyserver.run(CommandContext(globals)) }
    }

    /// `keyserver list [REMOTE]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the keyservers of every remote, or of one.")

        @OptionGroup var globals: GlobalOptions
        @OptionGroup var discovery: DiscoveryOptions

        @Argument(help: "The remote (default: every remote).")
        var remote: String?

        func run() async throws {
            try await KeyserverList.run(context: CommandContext(globals), remote: remote, refresh: discovery.refresh)
        }
    }

    /// `keyserver login [-u U] [--password-stdin] URL`.
    struct Login: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log in to a keyserver that is configured (the secret is checked first).")

        @OptionGroup var globals: GlobalOptions
        @OptionGroup var options: LoginOptions

        @Argument(help: "The keyserver's URL (http, https, hkp or hkps).")
        var url: String

        func run() async throws {
            try await RegistryLogin.login(context: CommandContext(globals), uri: url, options: options.settings)
        }
    }

    /// `keyserver logout URL`.
    struct Logout: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Log out of a keyserver.")

        @OptionGroup var globals: GlobalOptions

        @Argument(help: "The keyserver's URL.")
        var url: String

        func run() async throws {
            try await RegistryLogin.logout(context: CommandContext(globals), uri: url, authfile: nil)
        }
    }
}
