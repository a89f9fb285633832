import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The entry point: the common forms of `list` and `login` are read by `QuickParse`, everything
/// else by ArgumentParser; both run the same command types the same way.
@main
enum RemotesMain {
    static func main() async {
        guard let command = QuickParse.command(Array(CommandLine.arguments.dropFirst())) else {
            await RemotesCommand.main()
            return
        }
        do {
            try await command.run()
        } catch {
            RemotesCommand.exit(withError: error)
        }
    }
}
