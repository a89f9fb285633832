import ArgumentParser

/// The common forms of the two commands that scripts run most and that are timed against other
/// tools (`list`, and `login`), recognised without ArgumentParser.
///
/// ArgumentParser finds a command's options by runtime reflection, which costs a Swift process
/// 5 to 10 ms of start-up here: more than the rest of `list` and most of a registry login on
/// loopback (docs/design.md, "Start-up time"). `QuickParse` only accepts what ArgumentParser
/// would accept *and* parse to the same values: known options spelled out, each at most once,
/// values that do not start with `-`, no `--name=value`, no help. Anything else returns nil and
/// ArgumentParser parses it as usual, with its help and error messages. A test checks the two
/// parsers agree on thousands of command lines and that every option ArgumentParser knows for
/// these commands is known here.
enum QuickParse {
    /// A command line read without ArgumentParser: the values, ready to run.
    enum Command: Equatable, Sendable {
        /// `list`.
        case list(GlobalSettings, format: OutputFormat)
        /// `login`.
        case login(GlobalSettings, LoginSettings, refresh: Bool, target: String?)

        /// Runs the command as its ArgumentParser twin does.
        func run() async throws {
            switch self {
            case .list(let globals, let format):
                try ListCommand.run(context: CommandContext(globals), format: format)
            case .login(let globals, let options, let refresh, let target):
                try await LoginCommand.run(
                    context: CommandContext(globals), options: options, refresh: refresh, target: target)
            }
        }
    }

    /// The command for `arguments` (without the program name), or nil for ArgumentParser.
    static func command(_ arguments: [String]) -> Command? {
        guard let tokens = Scanner(arguments).split() else { return nil }
        var globals = GlobalSettings()
        switch tokens.command {
        case "list":
            var format = OutputFormat.text
            for option in tokens.options {
                if option.afterCommand, option.name == "--format" {
                    guard let value = option.value.flatMap(OutputFormat.init(rawValue:)) else { return nil }
                    format = value
                } else if !apply(option, to: &globals) {
                    return nil
                }
            }
            guard tokens.positionals.isEmpty else { return nil }
            return .list(globals, format: format)
        case "login":
            var options = LoginSettings()
            var refresh = false
            for option in tokens.options {
                switch (option.afterCommand, option.name) {
                case (true, "-u"), (true, "--username"): options.username = option.value
                case (true, "-p"), (true, "--password"): options.password = option.value
                case (true, "--password-stdin"): options.passwordStdin = true
                case (true, "-i"), (true, "--insecure"): options.insecure = true
                case (true, "--tokenfile"): options.tokenfile = option.value
                case (true, "--authfile"): options.authfile = option.value
                case (true, "--refresh"): refresh = true
                default: if !apply(option, to: &globals) { return nil }
                }
            }
            // Lines that fail validation are ArgumentParser's to report.
            guard tokens.positionals.count <= 1, options.password == nil || !options.passwordStdin else { return nil }
            return .login(globals, options, refresh: refresh, target: tokens.positionals.first)
        default:
            return nil
        }
    }

    /// True for the commands recognised here. (A function, not a `Set`: instantiating
    /// `Set<String>`'s metadata costs a scan of every protocol conformance at start-up.)
    static func isCommand(_ token: String) -> Bool { token == "list" || token == "login" }

    /// Options that take a value, of a command ("" for the global ones). (Functions returning
    /// arrays, not a dictionary of sets: that dictionary's generic metadata cost two scans of
    /// every protocol conformance, a tenth of `list`'s start-up.)
    static func valueOptions(_ command: String) -> [String] {
        switch command {
        case "": ["-c", "--config", "--system-config", "--flavor", "--ca-file", "--timeout"]
        case "list": ["--format"]
        case "login": ["-u", "--username", "-p", "--password", "--tokenfile", "--authfile"]
        default: []
        }
    }

    /// Flags, of a command ("" for the global ones).
    static func flags(_ command: String) -> [String] {
        switch command {
        case "": ["--batch", "--user-only", "--no-color", "-v", "--verbose"]
        case "login": ["--password-stdin", "-i", "--insecure", "--refresh"]
        default: []
        }
    }

    /// Sets a global option; false when `option` is not one.
    private static func apply(_ option: Scanner.Option, to globals: inout GlobalSettings) -> Bool {
        switch option.name {
        case "--batch": globals.batch = true
        case "--user-only": globals.userOnly = true
        case "--no-color": globals.noColor = true
        case "-v", "--verbose": globals.verbose = true
        case "-c", "--config": globals.config = option.value
        case "--system-config": globals.systemConfig = option.value
        case "--ca-file": globals.caFile = option.value
        case "--flavor":
            guard let flavor = option.value.flatMap(FlavorOption.init(rawValue:)) else { return false }
            globals.flavor = flavor
        case "--timeout":
            guard let timeout = option.value.flatMap(Double.init), GlobalOptions.isValidTimeout(timeout) else {
                return false
            }
            globals.timeout = timeout
        default: return false
        }
        return true
    }

    /// Splits a command line into its subcommand, options and positional arguments, refusing
    /// anything it cannot read the way ArgumentParser does.
    struct Scanner {
        struct Option {
            var name: String
            var value: String?
            var afterCommand: Bool
        }

        struct Tokens {
            var command: String
            var options: [Option] = []
            var positionals: [String] = []
        }

        private let arguments: [String]

        init(_ arguments: [String]) { self.arguments = arguments }

        func split() -> Tokens? {
            var tokens: Tokens?
            var before: [Option] = []
            var seen: [String] = []  // a handful at most; an array needs no generic metadata
            var index = 0
            while index < arguments.count {
                let token = arguments[index]
                index += 1
                guard token.hasPrefix("-") else {
                    if tokens == nil {
                        guard QuickParse.isCommand(token) else { return nil }
                        tokens = Tokens(command: token, options: before)
                    } else {
                        tokens?.positionals.append(token)
                    }
                    continue
                }
                let scope = tokens?.command ?? ""
                let takesValue =
                    QuickParse.valueOptions("").contains(token) || QuickParse.valueOptions(scope).contains(token)
                let isFlag = QuickParse.flags("").contains(token) || QuickParse.flags(scope).contains(token)
                guard takesValue || isFlag else { return nil }
                // An option given twice, or under two of its names, is left to ArgumentParser.
                let canonical = QuickParse.canonical(token)
                guard !seen.contains(canonical) else { return nil }
                seen.append(canonical)
                var option = Option(name: token, value: nil, afterCommand: tokens != nil)
                if takesValue {
                    guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
                    option.value = arguments[index]
                    index += 1
                }
                if tokens == nil { before.append(option) } else { tokens?.options.append(option) }
            }
            return tokens
        }
    }

    /// One name for the short and long spelling of an option.
    static func canonical(_ name: String) -> String {
        switch name {
        case "-c": return "--config"
        case "-v": return "--verbose"
        case "-u": return "--username"
        case "-p": return "--password"
        case "-i": return "--insecure"
        default: return name
        }
    }
}
