import ArgumentParser
import RemotesCore
import RemotesNetwork

/// `remotes status [NAME]` and `remotes status --all`: service discovery, every service's
/// `/version` checked at the same time, then the token (reference §3.6, §4.3). See
/// docs/endpoint-network.md for the output, the JSON schema and the exit codes.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Check the status of the services at an endpoint, and your authentication token.",
        discussion: """
            Exit status: 0 when every service answered and the token is valid or not set; 1 when \
            the token was refused; 69 when discovery failed, a service did not answer or the token \
            could not be checked. With --all, 1 wins over 69. With --logins, those of 'remotes \
            registry status'.
            """)

    @OptionGroup var globals: GlobalOptions

    @Flag(help: "Check every configured remote at the same time and print one table.")
    var all = false

    @Flag(help: "Check every stored registry and keyserver login instead (as 'remotes registry status').")
    var logins = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var discovery: DiscoveryOptions

    @Argument(help: "The remote (default: the default remote).")
    var name: String?

    func validate() throws {
        if all && name != nil { throw ValidationError("give a remote name or --all, not both") }
        if logins && (all || name != nil) {
            throw ValidationError("--logins checks the logins only: give no remote name or --all")
        }
    }

    func run() async throws {
        let context = CommandContext(globals)
        if logins {
            try await LoginStatus.run(context: context, uris: [], format: format, authfile: nil)
            return
        }
        let console = context.console
        if all {
            console.info("Checking status of all remotes.")
        } else if let name {
            console.info("Checking status of remote: \(name)")
        } else {
            console.info("Checking status of default remote.")
        }
        var targets: [NamedRemote] = []
        try context.perform { () throws(RemotesError) in
            let state = try context.load()
            if all {
                targets = NamedRemote.all(in: state.merged)
                return
            }
            let chosen = name ?? state.merged.active
            guard !chosen.isEmpty else { throw .failed("no default remote") }
            guard let remote = state.merged.remotes[chosen] else { throw .failed("\(chosen) is not a remote") }
            targets = [NamedRemote(name: chosen, remote: remote)]
        }
        var reports: [EndpointStatusReport] = []
        try await context.performNetwork { (fetcher: HTTPFetcher) throws(RemotesError) in
            let checker = StatusChecker(
                discovery: ServiceDiscovery(fetcher: fetcher, cache: context.store.discoveryCache))
            if all {
                reports = await checker.checkAll(targets, refresh: discovery.refresh)
            } else if let target = targets.first {
                reports = [await checker.check(target, refresh: discovery.refresh)]
            }
        }
        let renderer = StatusRenderer(console: console)
        switch (format, all) {
        case (.json, _): renderer.json(reports)
        case (.text, true): renderer.table(reports)
        case (.text, false): if let report = reports.first { renderer.single(report) }
        }
        let code = StatusRenderer.exitCode(reports)
        if code != RemotesExit.ok { throw ExitCode(code) }
    }
}
