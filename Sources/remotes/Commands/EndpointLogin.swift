import ArgumentParser
import RemotesCore

/// Logging in to a remote endpoint with an access token (the endpoint-network issue).
enum EndpointLogin {
    /// `remotes login [NAME]`.
    static func login(context: CommandContext, name: String?, options: LoginOptions) async throws {
        context.console.fatal("logging in to an endpoint is not available in this build yet")
        throw ExitCode(RemotesExit.failed)
    }
}
