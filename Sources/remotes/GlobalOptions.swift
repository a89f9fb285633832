import ArgumentParser
import RemotesCore

/// Options every command accepts, before or after the subcommand name.
struct GlobalOptions: ParsableArguments {
    @Flag(
        help:
            "Never prompt, never open the terminal UI, never colour. Anything that would be asked for is an error naming the flag that supplies it."
    )
    var batch = false

    @Option(
        name: [.customShort("c"), .long],
        help: ArgumentHelp(
            "Path to the file holding remote endpoint configurations (default: $APPTAINER_CONFIGDIR/remote.yaml or ~/.apptainer/remote.yaml).",
            valueName: "file"))
    var config: String?

    @Option(
        name: .customLong("system-config"),
        help: ArgumentHelp(
            "Path to the system (global) configuration (default: $REMOTES_SYSTEM_CONFIG, else /etc/apptainer/remote.yaml or /usr/local/etc/apptainer/remote.yaml, else the built-in default).",
            valueName: "file"))
    var systemConfig: String?

    @Option(
        help: ArgumentHelp(
            "Whose files to edit: apptainer or singularity (default: $REMOTES_FLAVOR, else singularity when only ~/.singularity/remote.yaml exists, else apptainer).",
            valueName: "flavor"))
    var flavor: FlavorOption?

    @Flag(
        name: .customLong("user-only"),
        help: "Never edit the system file, even as root: global edits are refused as for other users.")
    var userOnly = false

    @Flag(name: .customLong("no-color"), help: "Do not use colour (NO_COLOR=1 does the same).")
    var noColor = false

    @Flag(name: [.short, .long], help: "Print more about what is done.")
    var verbose = false

    @Option(
        name: .customLong("ca-file"),
        help: ArgumentHelp(
            "A PEM bundle of extra trusted certificate authorities, on top of the system's (default: $SSL_CERT_FILE).",
            valueName: "file"))
    var caFile: String?

    @Option(
        help: ArgumentHelp(
            "Seconds a network request may take in all (default 10; connecting may take at most 5).",
            valueName: "seconds"))
    var timeout: Double?

    /// The longest `--timeout` accepted: a day.
    static let maximumTimeout: Double = 86_400

    /// Whether `seconds` is a usable `--timeout`: finite, above 0, at most a day. (Infinity or
    /// 1e300 would trap when converted to a duration; 0 and NaN would be ignored silently.)
    static func isValidTimeout(_ seconds: Double) -> Bool {
        seconds.isFinite && seconds > 0 && seconds <= maximumTimeout
    }

    func validate() throws {
        if let timeout, !Self.isValidTimeout(timeout) {
            throw ValidationError("--timeout must be a number of seconds above 0 and at most 86400, not \(timeout)")
        }
    }
}

extension GlobalOptions {
    /// The parsed values, as a plain value that commands and `QuickParse` share.
    var settings: GlobalSettings {
        GlobalSettings(
            batch: batch, config: config, systemConfig: systemConfig, flavor: flavor, userOnly: userOnly,
            noColor: noColor, verbose: verbose, caFile: caFile, timeout: timeout)
    }
}

/// The global options' values.
struct GlobalSettings: Equatable, Sendable {
    var batch = false
    var config: String?
    var systemConfig: String?
    var flavor: FlavorOption?
    var userOnly = false
    var noColor = false
    var verbose = false
    var caFile: String?
    var timeout: Double?
}

/// `--flavor` values.
enum FlavorOption: String, ExpressibleByArgument, CaseIterable, Sendable {
    case apptainer
    case singularity
}
