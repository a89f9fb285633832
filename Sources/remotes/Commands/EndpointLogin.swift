import ArgumentParser
import RemotesCore
import RemotesNetwork

/// Logging in to a remote endpoint with an access token (reference §3.7): the token comes from
/// `--tokenfile`, `--password-stdin`, or, only on a terminal outside `--batch`, a hidden prompt
/// with Apptainer's texts. `TokenLogin` (RemotesNetwork) verifies it and only then stores it.
enum EndpointLogin {
    /// Where the token comes from.
    enum TokenSource {
        /// The first line of a file (`--tokenfile`).
        case file(String)
        /// All of standard input (`--password-stdin`).
        case standardInput
        /// A hidden prompt, when the user can be asked; otherwise no source at all.
        case prompt
    }

    /// `remotes login [NAME]`.
    static func login(context: CommandContext, name: String?, options: LoginSettings, refresh: Bool = false)
        async throws
    {
        let console = context.console
        if options.username != nil || options.password != nil {
            console.warning(
                "--username and --password are not used to log in to a remote endpoint: give the access token with --tokenfile or --password-stdin"
            )
        }
        if options.insecure {
            console.warning("--insecure is not used to log in to a remote endpoint (it is a property of the remote)")
        }
        var target: NamedRemote?
        try context.perform { () throws(RemotesError) in
            let state = try context.load()
            let chosen = name ?? state.merged.active
            guard !chosen.isEmpty else { throw .failed("no default remote: name the remote to log in to") }
            guard let remote = state.merged.remotes[chosen] else {
                if options.tokenfile != nil {
                    throw .usage(
                        "--tokenfile is only supported for login to a remote endpoint, not OCI (docker/oras) or keyservers"
                    )
                }
                throw .failed(
                    "\(chosen) is not a remote (to log in to a registry or keyserver, give its URI, e.g. docker://HOST)"
                )
            }
            target = NamedRemote(name: chosen, remote: remote)
        }
        guard let target else { return }
        let source: TokenSource =
            if let file = options.tokenfile { .file(file) } else if options.passwordStdin { .standardInput } else {
                .prompt
            }
        if case .prompt = source, !context.canPrompt {
            console.fatal(noSourceMessage(context))
            throw ExitCode(RemotesExit.usage)
        }
        try await run(context: context, target: target, source: source, refresh: refresh)
    }

    /// The login step of `remotes add NAME URI`: with a token source, or on a terminal, logs
    /// in; otherwise says how to log in later.
    static func afterAdd(
        context: CommandContext, name: String, tokenfile: String?, passwordStdin: Bool, refresh: Bool
    ) async throws {
        let source: TokenSource =
            if let tokenfile { .file(tokenfile) } else if passwordStdin { .standardInput } else { .prompt }
        if case .prompt = source, !context.canPrompt {
            context.console.info(
                "Not logged in: no token was given\(context.globals.batch ? " (--batch never prompts)" : ""). To log in later, run 'remotes login --tokenfile FILE \(name)' (or with --password-stdin)."
            )
            return
        }
        var target: NamedRemote?
        try context.perform { () throws(RemotesError) in
            let state = try context.store.load()
            guard let remote = state.merged.remotes[name] else { throw .failed("\(name) is not a remote") }
            target = NamedRemote(name: name, remote: remote)
        }
        guard let target else { return }
        try await run(context: context, target: target, source: source, refresh: refresh)
    }

    /// Reads the token, verifies it and stores it.
    private static func run(context: CommandContext, target: NamedRemote, source: TokenSource, refresh: Bool)
        async throws
    {
        var token: String?
        try context.perform { () throws(RemotesError) in
            token = try readToken(context: context, target: target, source: source)
        }
        guard let token else { return }  // the user declined, or entered nothing: Apptainer ends silently
        try await context.performNetwork { (fetcher: HTTPFetcher) throws(RemotesError) in
            let discovery = ServiceDiscovery(fetcher: fetcher, cache: context.store.discoveryCache)
            let outcome = try await TokenLogin(discovery: discovery).login(
                remote: target.name, token: token, store: context.store, refresh: refresh)
            context.console.notices(outcome.notices)
        }
    }

    /// The token from `source`; nil when the user declined to replace a token or entered none.
    private static func readToken(context: CommandContext, target: NamedRemote, source: TokenSource)
        throws(RemotesError) -> String?
    {
        switch source {
        case .file(let path):
            return try AccessToken.readFile(path)
        case .standardInput:
            let token = try SecretInput.readStandardInput()
            try AccessTokenRequest(token: token, source: "standard input").validated()
            return token
        case .prompt:
            if target.remote.isLoggedIn {
                guard try SecretInput.confirm("An access token is already set for this remote. Replace it? [y/N] ")
                else { return nil }
            }
            context.console.out(
                "Generate an access token at \(TokenLogin.tokenPage(of: target.remote)), and paste it here.\n"
                    + "Token entered will be hidden for security.\n")
            guard let typed = SecretInput.readHidden(prompt: "Access Token: "), !typed.isEmpty else { return nil }
            try AccessTokenRequest(token: typed, source: "the prompt").validated()
            return typed
        }
    }

    /// The error for a login with no token source where nobody can be asked.
    private static func noSourceMessage(_ context: CommandContext) -> String {
        let why = context.globals.batch ? "--batch never prompts" : "standard input is not a terminal"
        return "no access token given (\(why)): use --tokenfile FILE or --password-stdin"
    }
}
