import ArgumentParser
import Foundation
import Glibc
import Logging
import RemotesCore
import RemotesNetwork

/// What every command needs: the environment, the console, the file locations and the store.
struct CommandContext {
    let globals: GlobalSettings
    let environment: [String: String]
    let console: Console
    let locations: ConfigLocations
    let store: ConfigStore

    /// A context for the parsed global options.
    init(_ options: GlobalOptions) { self.init(options.settings) }

    /// A context for the global options' values.
    init(_ globals: GlobalSettings) {
        self.globals = globals
        let environment = ProcessEnvironment.current()
        self.environment = environment
        console = Console(batch: globals.batch, noColor: globals.noColor, environment: environment)
        let flavor = CommandContext.flavor(globals.flavor, environment: environment)
        locations = ConfigLocations.resolve(
            flavor: flavor, configFlag: globals.config, systemConfigFlag: globals.systemConfig,
            environment: environment)
        var store =
            globals.userOnly ? ConfigStore(locations: locations, isRoot: false) : ConfigStore(locations: locations)
        store.lockPolicy = CommandContext.lockPolicy(environment: environment, verbose: globals.verbose)
        self.store = store
    }

    /// The lock wait: `REMOTES_LOCK_TIMEOUT` or 10 s; with `--verbose`, a `DEBUG:` line when waiting.
    static func lockPolicy(environment: [String: String], verbose: Bool) -> LockPolicy {
        var policy = LockPolicy(timeout: LockPolicy.timeout(environment: environment))
        if verbose {
            policy.onWait = { @Sendable (text: String) in Console.write(2, "DEBUG:   " + text + "\n") }
        }
        return policy
    }

    /// `--flavor`, else `$REMOTES_FLAVOR`, else SingularityCE when only its user file exists.
    static func flavor(_ option: FlavorOption?, environment: [String: String]) -> Flavor {
        if let option { return Flavor(rawValue: option.rawValue) ?? .apptainer }
        if let value = environment["REMOTES_FLAVOR"], let flavor = Flavor(rawValue: value.lowercased()) {
            return flavor
        }
        let home = environment["HOME"] ?? ""
        if environment["APPTAINER_CONFIGDIR"] == nil, !home.isEmpty,
            !FileSystem.exists(home + "/.apptainer/remote.yaml"), FileSystem.exists(home + "/.singularity/remote.yaml")
        {
            return .singularity
        }
        return .apptainer
    }

    /// True when the user may be asked questions: not `--batch` and stdin is a terminal.
    var canPrompt: Bool { !globals.batch && isatty(0) == 1 }

    /// Runs `body`, printing a core error as `FATAL:` and exiting with its code.
    func perform(_ body: () throws(RemotesError) -> Void) throws {
        do {
            try body()
        } catch {
            console.fatal(error.message)
            throw ExitCode(RemotesExit.code(for: error))
        }
    }

    /// Applies a change and prints its notices.
    @discardableResult
    func apply(_ change: ConfigChange) throws(RemotesError) -> ChangeOutcome {
        let outcome = try store.apply(change)
        console.notices(outcome.notices)
        return outcome
    }

    /// Reads the files and prints what reading had to say.
    func load() throws(RemotesError) -> ConfigState {
        let state = try store.load()
        console.notices(state.notices)
        return state
    }

    /// The HTTP settings from `--timeout`, `--ca-file` and `SSL_CERT_FILE`.
    var httpSettings: HTTPSettings {
        var settings = HTTPSettings()
        if let timeout = globals.timeout, timeout > 0 {
            settings.totalTimeout = .milliseconds(Int64(timeout * 1000))
            if timeout < 5 { settings.connectTimeout = settings.totalTimeout }
        }
        settings.extraCAFile = globals.caFile ?? environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        if globals.verbose { settings.logger = Logger(label: "remotes.http", factory: { _ in StderrLogHandler() }) }
        return settings
    }

    /// Runs async network work with a fetcher that is shut down afterwards, printing a core
    /// error as `FATAL:` and exiting with its code.
    func performNetwork(_ body: (HTTPFetcher) async throws(RemotesError) -> Void) async throws {
        let fetcher: HTTPFetcher
        do {
            fetcher = try HTTPFetcher(settings: httpSettings)
        } catch {
            console.fatal(error.message)
            throw ExitCode(RemotesExit.code(for: error))
        }
        var failure: RemotesError?
        do {
            try await body(fetcher)
        } catch {
            failure = error
        }
        await fetcher.shutdown()
        if let failure {
            console.fatal(failure.message)
            throw ExitCode(RemotesExit.code(for: failure))
        }
    }

    /// With `--verbose`, Apptainer's deprecation WARNING for an older form of a command (which
    /// remotes runs without complaint otherwise).
    func deprecated(_ old: String, running new: String, forRegistries: Bool = false) {
        guard globals.verbose else { return }
        let what = forRegistries ? "is deprecated for registries or keyservers" : "is deprecated"
        console.warning("'\(old)' \(what) and will be removed in a future release; running '\(new)'")
    }

    /// A Go `strconv.ParseBool` reading of an environment variable.
    func environmentFlag(_ name: String) -> Bool {
        switch environment[name] {
        case "1", "t", "T", "true", "TRUE", "True": return true
        default: return false
        }
    }
}
