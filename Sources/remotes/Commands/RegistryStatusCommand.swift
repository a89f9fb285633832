import ArgumentParser
import RemotesCore
import RemotesNetwork

extension RegistryCommand {
    /// `registry status [URI…]`: every stored login checked again with its server, at once.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check stored registry and keyserver logins with their servers (nothing is stored).",
            discussion: """
                Every login is checked as 'login' checks a new one, all at the same time. Exit \
                status: 0 when every login is valid; 1 when any was rejected, has expired or has no \
                secret; 69 when any could not be checked (1 wins).
                """)

        @OptionGroup var globals: GlobalOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @Option(
            help: ArgumentHelp(
                "A docker config file Apptainer would read first (also APPTAINER_AUTH_FILE).", valueName: "file"))
        var authfile: String?

        @Argument(help: "Logins to check: docker://HOST, oras://HOST or a keyserver URL (default: every login).")
        var uris: [String] = []

        func run() async throws {
            try await LoginStatus.run(context: CommandContext(globals), uris: uris, format: format, authfile: authfile)
        }
    }
}

/// `registry status` and `status --logins`: reads the stored logins, checks them with
/// `LoginService`'s health check, prints the table or JSON, and exits 0, 1 or 69.
enum LoginStatus {
    static func run(context: CommandContext, uris: [String], format: OutputFormat, authfile: String?) async throws {
        var results: [LoginHealth] = []
        try await context.performNetwork { (fetcher: HTTPFetcher) async throws(RemotesError) in
            let checker = LoginService(store: context.store, fetcher: fetcher, environment: context.environment)
            let stored = try checker.storedLogins(authFile: authfile)
            context.console.notices(stored.notices)
            let chosen = try select(stored.logins, uris: uris)
            let checked = await checker.checkAll(chosen.compactMap { $0.result == nil ? $0.login : nil })
            var next = checked.makeIterator()
            results = chosen.compactMap { $0.result ?? next.next() }
        }
        if results.isEmpty && format == .text {
            context.console.info("There are no stored registry or keyserver logins.")
            return
        }
        switch format {
        case .text: context.console.out(LoginsRenderer.statusText(results))
        case .json: context.console.out(LoginsRenderer.statusJSON(results))
        }
        if let category = LoginHealth.exitCategory(results) {
            throw ExitCode(RemotesExit.code(for: RemotesError(category, "")))
        }
    }

    /// The logins to check: all without `uris`; else, for each URI, every login of the same
    /// registry or keyserver, or a `missing` result when there is none.
    static func select(_ logins: [StoredLogin], uris: [String]) throws(RemotesError)
        -> [(login: StoredLogin, result: LoginHealth?)]
    {
        guard !uris.isEmpty else { return logins.map { ($0, nil) } }
        var chosen: [(login: StoredLogin, result: LoginHealth?)] = []
        for uri in uris {
            let kind = try LoginKind(uri: uri)
            switch kind {
            case .registry: _ = try RegistryAddress(parsing: uri)
            case .keyserver: _ = try LoginRequest.keyserverAddress(of: uri)
            }
            let matching = logins.filter { $0.kind == kind && $0.matches(uri) }
            if matching.isEmpty {
                let login = StoredLogin(uri: uri, kind: kind, isInsecure: false, isRecorded: false)
                chosen.append(
                    (login, LoginHealth(login: login, username: nil, status: .missing, reason: "no stored login")))
            }
            for login in matching where !chosen.contains(where: { $0.login == login }) { chosen.append((login, nil)) }
        }
        return chosen
    }
}
