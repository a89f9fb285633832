import ArgumentParser
import RemotesCore
import RemotesNetwork

/// Logging in to and out of OCI registries and keyservers: the flags, the environment and the
/// secret are resolved here; checking and storing is `LoginService`'s work.
enum RegistryLogin {
    /// The hidden prompt for a missing password.
    static let passwordPrompt = "Password (or token when username is empty): "

    /// `remotes login docker://HOST`, `oras://HOST`, or a keyserver URL.
    static func login(context: CommandContext, uri: String, options: LoginSettings) async throws {
        let username = options.username ?? context.environment["APPTAINER_LOGIN_USERNAME"] ?? ""
        let insecure = options.insecure || context.environmentFlag("APPTAINER_LOGIN_INSECURE")
        var password = ""
        try context.perform { () throws(RemotesError) in
            do throws(RemotesError) {
                // Everything but the password is checked before anyone is asked for it.
                let unchecked = LoginRequest(
                    uri: uri, username: username, password: "", usernameGiven: options.username != nil)
                if let error = unchecked.validate().first(where: { $0.field != .password }) { throw error.error }
                password = try secret(context: context, options: options)
            } catch {
                throw RemotesError(error.category, "while login to \(uri): \(error.message)")
            }
        }
        let request = LoginRequest(
            uri: uri, username: username, password: password, insecure: insecure, authFile: options.authfile,
            usernameGiven: options.username != nil)
        try await context.performNetwork { (fetcher: HTTPFetcher) async throws(RemotesError) in
            let service = LoginService(store: context.store, fetcher: fetcher, environment: context.environment)
            let report = try await service.login(request)
            context.console.notices(report.notices)
        }
    }

    /// `remotes logout URI`, and with `everywhere` from every store remotes knows (the failures
    /// of some stores are WARNINGs, then the first is the FATAL line and sets the exit code).
    static func logout(context: CommandContext, uri: String, authfile: String?, everywhere: Bool = false) async throws {
        try await context.performNetwork { (fetcher: HTTPFetcher) async throws(RemotesError) in
            let service = LoginService(store: context.store, fetcher: fetcher, environment: context.environment)
            let report =
                everywhere
                ? try await service.logoutEverywhere(uri: uri, authFile: authfile)
                : try await service.logout(uri: uri, authFile: authfile)
            context.console.notices(report.notices)
            if let failure = report.failures.first {
                throw RemotesError(
                    failure.category, "while logging out of \(uri): the login could not be removed from every store")
            }
        }
    }

    /// The password: `--password-stdin`, else `--password` (with a warning), else
    /// `$APPTAINER_LOGIN_PASSWORD`, else a hidden prompt on a terminal. `--batch`, or stdin that
    /// is not a terminal, never prompts: a missing password is then a usage error.
    static func secret(context: CommandContext, options: LoginSettings) throws(RemotesError) -> String {
        let password: String
        if options.passwordStdin {
            password = try SecretInput.readStandardInput()
        } else if let given = options.password {
            context.console.warning(
                "Using --password on the command line is insecure: other users of this machine can see it. Use --password-stdin."
            )
            password = given
        } else if let fromEnvironment = context.environment["APPTAINER_LOGIN_PASSWORD"], !fromEnvironment.isEmpty {
            password = fromEnvironment
        } else if context.canPrompt {
            guard let typed = SecretInput.readHidden(prompt: passwordPrompt) else {
                throw .failed("failed to read password: end of input")
            }
            password = typed
        } else if context.globals.batch {
            throw .usage("no password given, and --batch never prompts: pass it with --password-stdin")
        } else {
            throw .usage("no password given, and standard input is not a terminal to ask for it: use --password-stdin")
        }
        return password
    }
}
