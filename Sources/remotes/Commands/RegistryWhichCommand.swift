import ArgumentParser
import RemotesCore
import RemotesJSON
import RemotesNetwork

extension RegistryCommand {
    /// `registry which docker://HOST/REPO[:TAG]`: which stored credential a pull would send.
    struct Which: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain which stored credential a pull of an image would send (never the secret).",
            discussion: """
                Follows Apptainer's rules: APPTAINER_DOCKER_USERNAME and APPTAINER_DOCKER_PASSWORD \
                when set; else the docker config file Apptainer reads (--authfile, \
                APPTAINER_AUTH_FILE, ~/.apptainer/docker-config.json if it exists, else \
                ~/.docker/config.json) and the credential helpers it names. Credentials in files \
                Apptainer does not read are listed as shadowed. Runs a credential helper's 'get' \
                as a pull would.
                """)

        @OptionGroup var globals: GlobalOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @Option(help: ArgumentHelp("The docker config file the pull would name with --authfile.", valueName: "file"))
        var authfile: String?

        @Argument(help: "docker://[HOST/]REPO[:TAG] or oras://HOST/REPO[:TAG].")
        var reference: String

        func run() async throws {
            let context = CommandContext(globals)
            let resolver = PullCredentialResolver(environment: context.environment, locations: context.locations)
            let explanation: PullCredentialExplanation
            do {
                explanation = try await resolver.explain(reference, authFile: authfile)
            } catch {
                context.console.fatal(error.message)
                throw ExitCode(RemotesExit.code(for: error))
            }
            context.console.notices(explanation.notices)
            switch format {
            case .text: context.console.out(WhichRenderer.text(explanation))
            case .json: context.console.out(JSONWriter.pretty(WhichRenderer.json(explanation)))
            }
        }
    }
}

/// The text and JSON of `registry which`.
enum WhichRenderer {
    static func text(_ explanation: PullCredentialExplanation) -> String {
        var table = TabWriter()
        let search = explanation.search
        table.row("Reference:", explanation.reference.canonical)
        table.row("Registry:", explanation.reference.registry)
        table.row(
            "Auth file:", "\(search.inUse.path) (\(search.reason)\(search.inUse.exists ? "" : "; it does not exist"))")
        table.row("Credential:", credentialText(explanation.source))
        for login in explanation.shadowed {
            let user = login.username.map { " (user \($0))" } ?? ""
            let shadow = login.shadowedBy.map { ": shadowed by \($0)" } ?? ""
            table.row(
                "Not read:",
                "\(login.place?.cell ?? "?") has a login for \(login.serverKey ?? login.uri)\(user)\(shadow)")
        }
        return table.render()
    }

    static func credentialText(_ source: PullCredentialExplanation.Source) -> String {
        switch source {
        case .environment(let username):
            return
                "user \(username.isEmpty ? "(empty)" : username) from \(PullCredentialResolver.usernameVariable) and \(PullCredentialResolver.passwordVariable); no stored login is used"
        case .stored(let place, let key, let username):
            return "user \(username.isEmpty ? "(none)" : username), stored in \(place.cell) under \"\(key)\""
        case .anonymous:
            return "none: the pull would be anonymous"
        }
    }

    static func json(_ explanation: PullCredentialExplanation) -> JSONValue {
        let credential: JSONValue
        switch explanation.source {
        case .environment(let username):
            credential = .object([
                "source": .string("environment"), "username": .string(username), "storedIn": .null, "key": .null,
            ])
        case .stored(let place, let key, let username):
            credential = .object([
                "source": .string("stored"), "username": .string(username), "storedIn": LoginJSON.place(place),
                "key": .string(key),
            ])
        case .anonymous:
            credential = .null
        }
        let search = explanation.search
        return .object([
            "reference": .string(explanation.reference.canonical), "registry": .string(explanation.reference.registry),
            "lookupKeys": .array(explanation.reference.lookupKeys.map { .string($0) }),
            "authFile": .object([
                "path": .string(search.inUse.path), "exists": .bool(search.inUse.exists),
                "reason": .string(search.reason),
            ]),
            "anonymous": .bool(explanation.source == .anonymous), "credential": credential,
            "shadowed": .array(explanation.shadowed.map(LoginJSON.login)),
        ])
    }
}
