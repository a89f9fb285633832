import ArgumentParser
import RemotesCore
import RemotesNetwork

/// The arguments of adding a keyserver, shared by `keyserver add` and the older `add-keyserver`.
struct KeyserverAddArguments: ParsableArguments {
    @Option(name: [.short, .long], help: "The keyserver's 1-based position in the list (default: last).")
    var order: Int?

    @Flag(name: [.short, .long], help: "Allow an insecure connection to the keyserver (http, no TLS check).")
    var insecure = false

    @OptionGroup var discovery: DiscoveryOptions

    @Argument(help: "[REMOTE] URL: the remote (default: the default remote) and the keyserver's URL.")
    var arguments: [String] = []

    func validate() throws {
        guard (1...2).contains(arguments.count) else {
            throw ValidationError("expects [REMOTE] URL: 1 or 2 arguments, received \(arguments.count)")
        }
        if let order, order <= 0 { throw ValidationError("order must be > 0") }
    }

    /// Adds the keyserver (discovering the remote's built-in keyserver first when needed).
    func run(_ context: CommandContext) async throws {
        let remote = arguments.count == 2 ? arguments[0] : nil
        try await BuiltinKeyserverDiscovery.prepare(context: context, remote: remote, refresh: discovery.refresh)
        try context.perform { () throws(RemotesError) in
            try context.apply(
                .addKeyserver(remote: remote, url: arguments.last ?? "", order: order, insecure: insecure))
        }
    }
}

/// The arguments of removing a keyserver, shared by `keyserver remove` and `remove-keyserver`.
struct KeyserverRemoveArguments: ParsableArguments {
    @OptionGroup var discovery: DiscoveryOptions

    @Argument(help: "[REMOTE] URL: the remote (default: the default remote) and the keyserver's URL.")
    var arguments: [String] = []

    func validate() throws {
        guard (1...2).contains(arguments.count) else {
            throw ValidationError("expects [REMOTE] URL: 1 or 2 arguments, received \(arguments.count)")
        }
    }

    /// Removes the keyserver.
    func run(_ context: CommandContext) async throws {
        let remote = arguments.count == 2 ? arguments[0] : nil
        try await BuiltinKeyserverDiscovery.prepare(context: context, remote: remote, refresh: discovery.refresh)
        try context.perform { () throws(RemotesError) in
            try context.apply(.removeKeyserver(remote: remote, url: arguments.last ?? ""))
        }
    }
}

/// `remotes add-keyserver [-o N] [-i] [REMOTE] URL` (Apptainer ≤ 1.2's form of `keyserver add`).
struct AddKeyserverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-keyserver",
        abstract: "Add a keyserver to a remote's list (the same as 'keyserver add').")

    @OptionGroup var globals: GlobalOptions

    @OptionGroup var keyserver: KeyserverAddArguments

    func run() async throws {
        let context = CommandContext(globals)
        context.deprecated("remote add-keyserver", running: "keyserver add")
        try await keyserver.run(context)
    }
}

/// `remotes remove-keyserver [REMOTE] URL` (Apptainer ≤ 1.2's form of `keyserver remove`).
struct RemoveKeyserverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-keyserver",
        abstract: "Remove a keyserver from a remote's list (the same as 'keyserver remove').")

    @OptionGroup var globals: GlobalOptions

    @OptionGroup var keyserver: KeyserverRemoveArguments

    func run() async throws {
        let context = CommandContext(globals)
        context.deprecated("remote remove-keyserver", running: "keyserver remove")
        try await keyserver.run(context)
    }
}
