import ArgumentParser
import RemotesCore
import RemotesNetwork

/// `remotes add-keyserver [-o N] [-i] [REMOTE] URL`.
struct AddKeyserverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-keyserver",
        abstract: "Add a keyserver to a remote's list (the default remote when none is named).")

    @OptionGroup var globals: GlobalOptions

    @Option(name: [.short, .long], help: "The keyserver's 1-based position in the list (default: last).")
    var order: Int?

    @Flag(name: [.short, .long], help: "Allow an insecure connection to the keyserver (http, no TLS check).")
    var insecure = false

    @OptionGroup var discovery: DiscoveryOptions

    @Argument(help: "[REMOTE] URL")
    var arguments: [String] = []

    func validate() throws {
        guard (1...2).contains(arguments.count) else {
            throw ValidationError("expects [REMOTE] URL: 1 or 2 arguments, received \(arguments.count)")
        }
        if let order, order <= 0 { throw ValidationError("order must be > 0") }
    }

    func run() async throws {
        let context = CommandContext(globals)
        let remote = arguments.count == 2 ? arguments[0] : nil
        try await BuiltinKeyserverDiscovery.prepare(context: context, remote: remote, refresh: discovery.refresh)
        try context.perform { () throws(RemotesError) in
            try context.apply(
                .addKeyserver(remote: remote, url: arguments.last ?? "", order: order, insecure: insecure))
        }
    }
}

/// `remotes remove-keyserver [REMOTE] URL`.
struct RemoveKeyserverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-keyserver",
        abstract: "Remove a keyserver from a remote's list (the default remote when none is named).")

    @OptionGroup var globals: GlobalOptions

    @OptionGroup var discovery: DiscoveryOptions

    @Argument(help: "[REMOTE] URL")
    var arguments: [String] = []

    func validate() throws {
        guard (1...2).contains(arguments.count) else {
            throw ValidationError("expects [REMOTE] URL: 1 or 2 arguments, received \(arguments.count)")
        }
    }

    func run() async throws {
        let context = CommandContext(globals)
        let remote = arguments.count == 2 ? arguments[0] : nil
        try await BuiltinKeyserverDiscovery.prepare(context: context, remote: remote, refresh: discovery.refresh)
        try context.perform { () throws(RemotesError) in
            try context.apply(.removeKeyserver(remote: remote, url: arguments.last ?? ""))
        }
    }
}
