import ArgumentParser
import RemotesCore

/// Logging in to and out of OCI registries and keyservers (the logins issue).
enum RegistryLogin {
    /// `remotes login docker://HOST`, `oras://HOST`, or a keyserver URL.
    static func login(context: CommandContext, uri: String, options: LoginOptions) async throws {
        context.console.fatal("logging in to registries and keyservers is not available in this build yet")
        throw ExitCode(RemotesExit.failed)
    }

    /// `remotes logout URI`.
    static func logout(context: CommandContext, uri: String, authfile: String?) async throws {
        context.console.fatal("logging out of registries and keyservers is not available in this build yet")
        throw ExitCode(RemotesExit.failed)
    }
}
