import ArgumentParser
import RemotesCore
import RemotesNetwork

/// `remotes get-login-password`: prints the registry secret of the logged-in user of the default
/// remote's library, for `remotes get-login-password | docker login --password-stdin …`. Only the
/// secret goes to stdout; every error exits non-zero (Apptainer exits 0).
struct GetLoginPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get-login-password",
        abstract: "Print the registry secret of the user logged in to the default remote.")

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var discovery: DiscoveryOptions

    func run() async throws {
        let context = CommandContext(globals)
        try await context.performNetwork { (fetcher: HTTPFetcher) async throws(RemotesError) in
            let state = try context.load()
            let name = state.merged.active
            guard !name.isEmpty, let remote = state.merged.remotes[name] else {
                throw .failed("no default remote: choose one with 'remotes use NAME'")
            }
            guard remote.isLoggedIn else {
                throw .failed("must be logged in to retrieve user data (run 'remotes login \(name)')")
            }
            let services = try await ServiceDiscovery(fetcher: fetcher, cache: context.store.discoveryCache)
                .services(of: remote, refresh: discovery.refresh)
            guard let library = services.catalog.uri(of: "library"), !library.isEmpty else {
                throw .failed("remote has no library client (\(name) does not announce a library service)")
            }
            let user = try await CurrentUser.fetch(
                libraryURI: library, token: remote.token, remoteBaseURL: services.baseURL, fetcher: fetcher)
            guard let secret = user.secret else { throw .failed("no token was received from service") }
            // Escaping would print another secret than the server's, and printing it raw could
            // drive the terminal: a secret with control characters is refused.
            guard !TerminalSafe.needsEscaping(secret) else {
                throw .failed("the registry secret from the library holds control characters: refusing to print it")
            }
            context.console.out(secret + "\n")
        }
    }
}
